# Rapport: what is late, in fish's right prompt ("2 late: Acme kickoff").
# Install: ~/.config/fish/conf.d/rapport.fish
# Call rapport_overdue from your own fish_right_prompt or fish_prompt instead
# if you have one. fish prints a command's output as it is, never runs it.
function rapport_overdue --description 'What is late in Rapport, on one short line'
    command rapport overdue --format '{late} late: {first.title}' --max-width 40 2>/dev/null
end

function fish_right_prompt
    rapport_overdue
end

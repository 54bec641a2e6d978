# Rapport: what is late, at the start of the zsh prompt ("2 late: Acme kickoff").
# Install: ~/.config/rapport/rapport-prompt.zsh, and at the end of ~/.zshrc
# (after PROMPT is set, by you or a theme):
#   source ~/.config/rapport/rapport-prompt.zsh
# The segment goes through psvar and %9v: zsh shows it as it is, never reading
# a % in a name as a prompt escape, whatever PROMPT_SUBST says.
autoload -Uz add-zsh-hook
__rapport_prompt() {
    psvar[9]=$(command rapport overdue --format '{late} late: {first.title} ' --max-width 40 2>/dev/null)
}
add-zsh-hook precmd __rapport_prompt
[[ $PROMPT == *'%9v'* ]] || PROMPT='%(9V.%9v.)'$PROMPT

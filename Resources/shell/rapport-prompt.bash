# Rapport: what is late, at the start of the bash prompt ("2 late: Acme kickoff").
# Install: ~/.config/rapport/rapport-prompt.bash, and at the end of ~/.bashrc
# (after PS1 is set):
#   . ~/.config/rapport/rapport-prompt.bash
# The segment is kept in a variable that PS1 names: bash expands PS1 once, so
# whatever a title or a name holds ($(…), `…`, \u) is shown, never run.
__rapport_prompt() {
    __rapport_overdue=$(command rapport overdue --format '{late} late: {first.title} ' --max-width 40 2>/dev/null)
}
case ";${PROMPT_COMMAND-};" in
    *";__rapport_prompt;"*) ;;
    *) PROMPT_COMMAND="__rapport_prompt${PROMPT_COMMAND:+;$PROMPT_COMMAND}" ;;
esac
case "$PS1" in
    *'${__rapport_overdue}'*) ;;
    *) PS1='${__rapport_overdue}'"$PS1" ;;
esac

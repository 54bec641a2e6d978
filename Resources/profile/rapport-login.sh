# Rapport: what is late, once at login ("Rapport: 2 late; the most overdue: …").
# Install: ~/.config/rapport/rapport-login.sh, and at the end of ~/.profile
# (after the line that puts ~/.local/bin on the PATH):
#   . ~/.config/rapport/rapport-login.sh
# Only on a terminal, so scp and other non-interactive logins stay quiet.
if [ -t 1 ] && command -v rapport >/dev/null 2>&1; then
    rapport overdue --format 'Rapport: {late} late; the most overdue: {first.title} ({first.who}, {first.late})' --max-width 100 2>/dev/null
fi

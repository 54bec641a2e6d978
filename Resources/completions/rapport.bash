#!/bin/bash

__rapport_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__rapport_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__rapport_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__rapport_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_rapport() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __rapport_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    ui|today|overdue|notify|upcoming|add|log|done|snooze|cancel|edit|delete|thanks|undo|lunch|deal|report|segment|show|search|brief|contacts|accounts|contact|follow-up|config|check|backup|export|import|sync|help)
        # Offer subcommand argument completions
        "_rapport_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'ui today overdue notify upcoming add log done snooze cancel edit delete thanks undo lunch deal report segment show search brief contacts accounts contact follow-up config check backup export import sync help' -- "${cur}"))
        ;;
    esac
}

_rapport_ui() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac
}

_rapport_today() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --days)
    __rapport_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--days')
        return
        ;;
    esac
}

_rapport_overdue() {
    repeating_flags=()
    non_repeating_flags=(--json --count --exit-code --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --kind --format --max-width)
    __rapport_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--kind')
        return
        ;;
    '--format')
        return
        ;;
    '--max-width')
        return
        ;;
    esac
}

_rapport_notify() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac
}

_rapport_upcoming() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --days)
    __rapport_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--days')
        return
        ;;
    esac
}

_rapport_add() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --json --no-create --version -h --help)
    repeating_options=(--new --new-account)
    non_repeating_options=(--db)
    __rapport_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--new')
        return
        ;;
    '--new-account')
        return
        ;;
    esac
}

_rapport_log() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __rapport_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    meeting|call|email|message|visit|note|lunch|gift)
        # Offer subcommand argument completions
        "_rapport_log_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'meeting call email message visit note lunch gift' -- "${cur}"))
        ;;
    esac
}

_rapport_log_meeting() {
    repeating_flags=()
    non_repeating_flags=(--no-create --version -h --help)
    repeating_options=(--new)
    non_repeating_options=(--db --with --at --notes --place --prep --account)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--with')
        return
        ;;
    '--at')
        return
        ;;
    '--notes')
        return
        ;;
    '--new')
        return
        ;;
    '--place')
        return
        ;;
    '--prep')
        return
        ;;
    '--account')
        __rapport_add_completions -W "$(__rapport_custom_complete ---completion log meeting -- --account "${COMP_CWORD}" "$(__rapport_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_rapport_log_call() {
    repeating_flags=()
    non_repeating_flags=(--no-create --version -h --help)
    repeating_options=(--new)
    non_repeating_options=(--db --with --at --notes)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--with')
        return
        ;;
    '--at')
        return
        ;;
    '--notes')
        return
        ;;
    '--new')
        return
        ;;
    esac
}

_rapport_log_email() {
    repeating_flags=()
    non_repeating_flags=(--no-create --version -h --help)
    repeating_options=(--new)
    non_repeating_options=(--db --with --at --notes)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--with')
        return
        ;;
    '--at')
        return
        ;;
    '--notes')
        return
        ;;
    '--new')
        return
        ;;
    esac
}

_rapport_log_message() {
    repeating_flags=()
    non_repeating_flags=(--no-create --version -h --help)
    repeating_options=(--new)
    non_repeating_options=(--db --with --at --notes)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--with')
        return
        ;;
    '--at')
        return
        ;;
    '--notes')
        return
        ;;
    '--new')
        return
        ;;
    esac
}

_rapport_log_visit() {
    repeating_flags=()
    non_repeating_flags=(--no-create --version -h --help)
    repeating_options=(--new)
    non_repeating_options=(--db --with --at --notes)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--with')
        return
        ;;
    '--at')
        return
        ;;
    '--notes')
        return
        ;;
    '--new')
        return
        ;;
    esac
}

_rapport_log_note() {
    repeating_flags=()
    non_repeating_flags=(--no-create --version -h --help)
    repeating_options=(--new)
    non_repeating_options=(--db --with --at --notes)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--with')
        return
        ;;
    '--at')
        return
        ;;
    '--notes')
        return
        ;;
    '--new')
        return
        ;;
    esac
}

_rapport_log_lunch() {
    repeating_flags=()
    non_repeating_flags=(--no-create --version -h --help)
    repeating_options=(--new)
    non_repeating_options=(--db --with --at --notes --place --cost)
    __rapport_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--with')
        return
        ;;
    '--at')
        return
        ;;
    '--notes')
        return
        ;;
    '--new')
        return
        ;;
    '--place')
        return
        ;;
    '--cost')
        return
        ;;
    esac
}

_rapport_log_gift() {
    repeating_flags=()
    non_repeating_flags=(--no-create --version -h --help)
    repeating_options=(--new)
    non_repeating_options=(--db --with --at --notes --account --occasion --cost)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--with')
        return
        ;;
    '--at')
        return
        ;;
    '--notes')
        return
        ;;
    '--new')
        return
        ;;
    '--account')
        return
        ;;
    '--occasion')
        return
        ;;
    '--cost')
        return
        ;;
    esac
}

_rapport_done() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __rapport_add_completions -W "$(__rapport_custom_complete ---completion done -- positional@0 "${COMP_CWORD}" "$(__rapport_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_rapport_snooze() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __rapport_add_completions -W "$(__rapport_custom_complete ---completion snooze -- positional@0 "${COMP_CWORD}" "$(__rapport_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_rapport_cancel() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db --reason)
    __rapport_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--reason')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __rapport_add_completions -W "$(__rapport_custom_complete ---completion cancel -- positional@0 "${COMP_CWORD}" "$(__rapport_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_rapport_edit() {
    repeating_flags=()
    non_repeating_flags=(--favourite --no-favourite --version -h --help)
    repeating_options=(--add-attendee --remove-attendee --email --phone --tag --untag)
    non_repeating_options=(--db --title --due --repeat --with --at --place --occasion --send-by --cost --kind --prep --outcome --name --nickname --account --role --tier --every --lunch-every --channel --needs --wants --cares-about --dietary --family --interests --birthday --anniversary --notes)
    __rapport_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--title')
        return
        ;;
    '--due')
        return
        ;;
    '--repeat')
        return
        ;;
    '--with')
        return
        ;;
    '--at')
        return
        ;;
    '--place')
        return
        ;;
    '--add-attendee')
        return
        ;;
    '--remove-attendee')
        return
        ;;
    '--occasion')
        return
        ;;
    '--send-by')
        return
        ;;
    '--cost')
        return
        ;;
    '--kind')
        return
        ;;
    '--prep')
        return
        ;;
    '--outcome')
        return
        ;;
    '--name')
        return
        ;;
    '--nickname')
        return
        ;;
    '--account')
        __rapport_add_completions -W "$(__rapport_custom_complete ---completion edit -- --account "${COMP_CWORD}" "$(__rapport_cursor_index_in_current_word)")"
        return
        ;;
    '--role')
        return
        ;;
    '--tier')
        return
        ;;
    '--every')
        return
        ;;
    '--lunch-every')
        return
        ;;
    '--channel')
        return
        ;;
    '--email')
        return
        ;;
    '--phone')
        return
        ;;
    '--tag')
        return
        ;;
    '--untag')
        return
        ;;
    '--needs')
        return
        ;;
    '--wants')
        return
        ;;
    '--cares-about')
        return
        ;;
    '--dietary')
        return
        ;;
    '--family')
        return
        ;;
    '--interests')
        return
        ;;
    '--birthday')
        return
        ;;
    '--anniversary')
        return
        ;;
    '--notes')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __rapport_add_completions -W "$(__rapport_custom_complete ---completion edit -- positional@0 "${COMP_CWORD}" "$(__rapport_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_rapport_delete() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac
}

_rapport_thanks() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __rapport_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    sent|waive)
        # Offer subcommand argument completions
        "_rapport_thanks_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'sent waive' -- "${cur}"))
        ;;
    esac
}

_rapport_thanks_sent() {
    repeating_flags=()
    non_repeating_flags=(--all --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --via)
    __rapport_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--via')
        return
        ;;
    esac
}

_rapport_thanks_waive() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db --reason)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_rapport_undo() {
    repeating_flags=()
    non_repeating_flags=(--list --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --limit)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--limit')
        return
        ;;
    esac
}

_rapport_lunch() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __rapport_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    offer|accept|held|decline|cancel)
        # Offer subcommand argument completions
        "_rapport_lunch_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'offer accept held decline cancel' -- "${cur}"))
        ;;
    esac
}

_rapport_lunch_offer() {
    repeating_flags=()
    non_repeating_flags=(--no-create --version -h --help)
    repeating_options=(--new)
    non_repeating_options=(--db --with --at --place)
    __rapport_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--with')
        return
        ;;
    '--at')
        return
        ;;
    '--place')
        return
        ;;
    '--new')
        return
        ;;
    esac
}

_rapport_lunch_accept() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db --cost)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--cost')
        return
        ;;
    esac
}

_rapport_lunch_held() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db --cost)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--cost')
        return
        ;;
    esac
}

_rapport_lunch_decline() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db --cost)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--cost')
        return
        ;;
    esac
}

_rapport_lunch_cancel() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db --cost)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--cost')
        return
        ;;
    esac
}

_rapport_deal() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __rapport_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|qualify|won|lost|not-a-fit|list)
        # Offer subcommand argument completions
        "_rapport_deal_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add qualify won lost not-a-fit list' -- "${cur}"))
        ;;
    esac
}

_rapport_deal_add() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db --account --team --their-win --our-win --fit)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--account')
        __rapport_add_completions -W "$(__rapport_custom_complete ---completion deal add -- --account "${COMP_CWORD}" "$(__rapport_cursor_index_in_current_word)")"
        return
        ;;
    '--team')
        return
        ;;
    '--their-win')
        return
        ;;
    '--our-win')
        return
        ;;
    '--fit')
        return
        ;;
    esac
}

_rapport_deal_qualify() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db --their-win --our-win --fit)
    __rapport_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--their-win')
        return
        ;;
    '--our-win')
        return
        ;;
    '--fit')
        return
        ;;
    esac
}

_rapport_deal_won() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db --on --team)
    __rapport_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--on')
        return
        ;;
    '--team')
        return
        ;;
    esac
}

_rapport_deal_lost() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db --on --reason)
    __rapport_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--on')
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_rapport_deal_not-a-fit() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db --on --reason)
    __rapport_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--on')
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_rapport_deal_list() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac
}

_rapport_report() {
    repeating_flags=()
    non_repeating_flags=(--week --month --quarter --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --from --to --top)
    __rapport_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    '--top')
        return
        ;;
    esac
}

_rapport_segment() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __rapport_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|rate|assign|unassign|list|only-statement|remove)
        # Offer subcommand argument completions
        "_rapport_segment_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add rate assign unassign list only-statement remove' -- "${cur}"))
        ;;
    esac
}

_rapport_segment_add() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db --attractiveness --competitiveness --appeal --notes)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--attractiveness')
        return
        ;;
    '--competitiveness')
        return
        ;;
    '--appeal')
        return
        ;;
    '--notes')
        return
        ;;
    esac
}

_rapport_segment_rate() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db --attractiveness --competitiveness --appeal)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--attractiveness')
        return
        ;;
    '--competitiveness')
        return
        ;;
    '--appeal')
        return
        ;;
    esac
}

_rapport_segment_assign() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac
}

_rapport_segment_unassign() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac
}

_rapport_segment_list() {
    repeating_flags=()
    non_repeating_flags=(--week --month --quarter --json --accounts --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --from --to)
    __rapport_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    esac
}

_rapport_segment_only-statement() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac
}

_rapport_segment_remove() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac
}

_rapport_show() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --limit)
    __rapport_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--limit')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __rapport_add_completions -W "$(__rapport_custom_complete ---completion show -- positional@0 "${COMP_CWORD}" "$(__rapport_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_rapport_search() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db --limit)
    __rapport_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--limit')
        return
        ;;
    esac
}

_rapport_brief() {
    repeating_flags=()
    non_repeating_flags=(--json --markdown --version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __rapport_add_completions -W "$(__rapport_custom_complete ---completion brief -- positional@0 "${COMP_CWORD}" "$(__rapport_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_rapport_contacts() {
    repeating_flags=()
    non_repeating_flags=(--cold --favourites --archived --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --tier --tag --account --search)
    __rapport_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--tier')
        return
        ;;
    '--tag')
        return
        ;;
    '--account')
        return
        ;;
    '--search')
        return
        ;;
    esac
}

_rapport_accounts() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac
}

_rapport_contact() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __rapport_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|merge|archive|unarchive|delete)
        # Offer subcommand argument completions
        "_rapport_contact_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add merge archive unarchive delete' -- "${cur}"))
        ;;
    esac
}

_rapport_contact_add() {
    repeating_flags=()
    non_repeating_flags=(--favourite --version -h --help)
    repeating_options=(--email --phone --tag)
    non_repeating_options=(--db --nickname --account --role --tier --every --lunch-every --channel --needs --wants --cares-about --dietary --family --interests --birthday --anniversary --notes)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--nickname')
        return
        ;;
    '--account')
        return
        ;;
    '--role')
        return
        ;;
    '--tier')
        return
        ;;
    '--every')
        return
        ;;
    '--lunch-every')
        return
        ;;
    '--channel')
        return
        ;;
    '--email')
        return
        ;;
    '--phone')
        return
        ;;
    '--tag')
        return
        ;;
    '--needs')
        return
        ;;
    '--wants')
        return
        ;;
    '--cares-about')
        return
        ;;
    '--dietary')
        return
        ;;
    '--family')
        return
        ;;
    '--interests')
        return
        ;;
    '--birthday')
        return
        ;;
    '--anniversary')
        return
        ;;
    '--notes')
        return
        ;;
    esac
}

_rapport_contact_merge() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __rapport_add_completions -W "$(__rapport_custom_complete ---completion contact merge -- positional@0 "${COMP_CWORD}" "$(__rapport_cursor_index_in_current_word)")"
        return
        ;;
    2)
        __rapport_add_completions -W "$(__rapport_custom_complete ---completion contact merge -- positional@1 "${COMP_CWORD}" "$(__rapport_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_rapport_contact_archive() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __rapport_add_completions -W "$(__rapport_custom_complete ---completion contact archive -- positional@0 "${COMP_CWORD}" "$(__rapport_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_rapport_contact_unarchive() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __rapport_add_completions -W "$(__rapport_custom_complete ---completion contact unarchive -- positional@0 "${COMP_CWORD}" "$(__rapport_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_rapport_contact_delete() {
    repeating_flags=()
    non_repeating_flags=(--yes --with-items --version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __rapport_add_completions -W "$(__rapport_custom_complete ---completion contact delete -- positional@0 "${COMP_CWORD}" "$(__rapport_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_rapport_follow-up() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __rapport_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add)
        # Offer subcommand argument completions
        "_rapport_follow-up_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add' -- "${cur}"))
        ;;
    esac
}

_rapport_follow-up_add() {
    repeating_flags=()
    non_repeating_flags=(--no-create --version -h --help)
    repeating_options=(--new)
    non_repeating_options=(--db --with --due --repeat --account --notes)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--with')
        return
        ;;
    '--due')
        return
        ;;
    '--repeat')
        return
        ;;
    '--account')
        __rapport_add_completions -W "$(__rapport_custom_complete ---completion follow-up add -- --account "${COMP_CWORD}" "$(__rapport_cursor_index_in_current_word)")"
        return
        ;;
    '--notes')
        return
        ;;
    '--new')
        return
        ;;
    esac
}

_rapport_config() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac
}

_rapport_check() {
    repeating_flags=()
    non_repeating_flags=(--fix --version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac
}

_rapport_backup() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac
}

_rapport_export() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __rapport_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    json|ics|vcard|csv)
        # Offer subcommand argument completions
        "_rapport_export_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'json ics vcard csv' -- "${cur}"))
        ;;
    esac
}

_rapport_export_json() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db -o --output)
    __rapport_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '-o'|'--output')
        return
        ;;
    esac
}

_rapport_export_ics() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db --days -o --output)
    __rapport_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--days')
        return
        ;;
    '-o'|'--output')
        return
        ;;
    esac
}

_rapport_export_vcard() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db --vcard-version -o --output)
    __rapport_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--vcard-version')
        __rapport_add_completions -W '3.0'$'\n''4.0'
        return
        ;;
    '-o'|'--output')
        return
        ;;
    esac
}

_rapport_export_csv() {
    repeating_flags=()
    non_repeating_flags=(--excel --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --days -o --output)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--days')
        return
        ;;
    '-o'|'--output')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __rapport_add_completions -W 'contacts'$'\n''items'
        return
        ;;
    esac
}

_rapport_import() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __rapport_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    json|vcard|csv)
        # Offer subcommand argument completions
        "_rapport_import_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'json vcard csv' -- "${cur}"))
        ;;
    esac
}

_rapport_import_json() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac
}

_rapport_import_vcard() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --prefer-file --strict --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --encoding)
    __rapport_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--encoding')
        __rapport_add_completions -W 'utf-8'$'\n''utf-16'$'\n''utf-16le'$'\n''utf-16be'$'\n''windows-1252'$'\n''iso-8859-1'
        return
        ;;
    esac
}

_rapport_import_csv() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --prefer-file --strict --version -h --help)
    repeating_options=(--map)
    non_repeating_options=(--db --date-order --encoding)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--map')
        return
        ;;
    '--date-order')
        __rapport_add_completions -W 'dmy'$'\n''mdy'
        return
        ;;
    '--encoding')
        __rapport_add_completions -W 'utf-8'$'\n''utf-16'$'\n''utf-16le'$'\n''utf-16be'$'\n''windows-1252'$'\n''iso-8859-1'
        return
        ;;
    esac
}

_rapport_sync() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __rapport_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    run|setup|status|dismiss)
        # Offer subcommand argument completions
        "_rapport_sync_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'run setup status dismiss' -- "${cur}"))
        ;;
    esac
}

_rapport_sync_run() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --timeout)
    __rapport_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_rapport_sync_setup() {
    repeating_flags=()
    non_repeating_flags=(--include-notes --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --timeout --user --password-command --calendar --address-book)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--timeout')
        return
        ;;
    '--user')
        return
        ;;
    '--password-command')
        return
        ;;
    '--calendar')
        return
        ;;
    '--address-book')
        return
        ;;
    esac
}

_rapport_sync_status() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac
}

_rapport_sync_dismiss() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __rapport_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac
}

_rapport_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __rapport_offer_flags_options -1
}

complete -o filenames -F _rapport rapport

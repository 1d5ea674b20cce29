# Sourced first by the scripts a person runs by hand, before anything starts: -h or --help
# (anywhere among the arguments) prints the script's header comment (what it does, its
# arguments, what it prints) and exits 0.
#   help_from_header "$@"      # a script with arguments of its own
#   no_arguments "$@"          # a script that takes none: anything else is refused (exit 2)
help_from_header() {
  local arg
  for arg in "$@"; do
    case "$arg" in
      -h|--help) sed -n '2,/^[^#]/{/^#/{s/^# \{0,1\}//;p;}}' "$0"; exit 0 ;;
    esac
  done
}
no_arguments() {
  help_from_header "$@"
  [ $# = 0 ] || { echo "usage: $0 (no arguments; $0 --help says what it does)" >&2; exit 2; }
}

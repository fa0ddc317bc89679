# Exports the app's GC settings from deploy/gc.env, each unless the environment already sets it.
gc_env() {
  local line name
  while IFS= read -r line; do
    case $line in '' | '#'*) continue ;; esac
    name=${line%%=*}
    [ -n "${!name+set}" ] || export "${line?}"
  done < "$(dirname "${BASH_SOURCE[0]}")/../../deploy/gc.env"
}

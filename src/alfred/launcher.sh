#!/bin/sh
# Apple ID Doctor's Alfred launcher: finds Node.js, then runs the bundled
# workflow script with it. Alfred starts workflows with a minimal PATH and
# no shell start-up files (sindresorhus/alfy run-node.sh, alfred-emoj#1), and
# the version managers set PATH in ~/.zshrc, so node is looked for in:
#   0. the node found last time ($alfred_workflow_cache/node-path.txt): no
#      search and no `node -v` at keystroke speed (the bundle checks its own
#      version and drops this file when it is too old)
#   1. this PATH (command -v node)
#   2. the version managers' own folders: nvm (its default alias first,
#      $NVM_DIR, ~/.nvm, the XDG folder), fnm (its default alias first),
#      Volta, asdf (~/.tool-versions first), mise, nodenv
#   3. Homebrew (Apple silicon and Intel, keg-only node@NN too), MacPorts
#   4. /usr/libexec/path_helper's PATH ($ALFRED_DOCTOR_PATH_HELPER)
#   5. an interactive login shell's PATH ($SHELL -i -l, as alfy's run-node.sh
#      does: that is the shell that reads ~/.zshrc), printed between markers
#      so rc-file chatter and escape codes can't leak into the JSON, killed
#      after $ALFRED_DOCTOR_SHELL_SECONDS (default 4)
# Among several installed versions, the newest one ≥ 22 wins unless the
# manager names a default. What is found is cached (step 0).
# No node new enough: a Script Filter row (or, for the action, one line)
# saying how to install it. POSIX sh and its built-ins, plus mkdir, rm, sleep.
# $ALFRED_DOCTOR_FS_ROOT prefixes the fixed system folders (tests only).

MIN_MAJOR=22
BUNDLE=apple-id-doctor.js
START=__APPLE_ID_DOCTOR_PATH_START__
END=__APPLE_ID_DOCTOR_PATH_END__
ROOT=${ALFRED_DOCTOR_FS_ROOT-}
SHELL_SECONDS=${ALFRED_DOCTOR_SHELL_SECONDS:-4}
case $SHELL_SECONDS in '' | *[!0-9]*) SHELL_SECONDS=4 ;; esac

case $0 in */*) cd "${0%/*}" || exit 1 ;; esac

cache_dir=${alfred_workflow_cache-}
node_cache=""
[ -n "$cache_dir" ] && node_cache=$cache_dir/node-path.txt

# 0. The node found last time, still there: run it at once.
if [ -n "$node_cache" ] && [ -f "$node_cache" ]; then
	IFS= read -r cached <"$node_cache" || true
	if [ -n "$cached" ] && [ -f "$cached" ] && [ -x "$cached" ]; then
		exec "$cached" "./$BUNDLE" "$@"
	fi
fi

found=""
too_old=""

# usable <path>: true when it is an executable node whose major version is new enough.
usable() {
	[ -n "$1" ] && [ -f "$1" ] && [ -x "$1" ] || return 1
	version=$("$1" -v 2>/dev/null) || return 1
	case $version in
	v[0-9]*) ;;
	*) return 1 ;;
	esac
	major=${version#v}
	major=${major%%.*}
	case $major in '' | *[!0-9]*) return 1 ;; esac
	if [ "$major" -ge "$MIN_MAJOR" ]; then
		found=$1
		return 0
	fi
	case $version in *[!v0-9.]*) ;; *) too_old=$version ;; esac
	return 1
}

# version_key <name>: for "v22.11.0", "22.11", "22" sets maj and key
# (comparable as one number); false for anything else ("latest", "system").
version_key() {
	v=${1#v}
	case $v in '' | *[!0-9.]* | .* | *..* | *.) return 1 ;; esac
	maj=${v%%.*}
	rest=${v#"$maj"}
	rest=${rest#.}
	min=${rest%%.*}
	rest=${rest#"$min"}
	rest=${rest#.}
	pat=${rest%%.*}
	key=$((maj * 1000000 + ${min:-0} * 1000 + ${pat:-0}))
}

# pick_newest <folder> <path inside a version> [<version prefix>] [<name prefix>]:
# the newest version ≥ 22 in <folder> (names after <name prefix>, e.g. node@22),
# optionally only those matching <version prefix> ("22" matches v22.11.0).
# Versions are read from folder names; only the winner is run (node -v).
pick_newest() {
	best=""
	best_key=0
	for dir in "$1/$4"*; do
		[ -d "$dir" ] || continue
		name=${dir##*/}
		name=${name#"$4"}
		if [ -n "$3" ]; then
			case ${name#v} in "${3#v}" | "${3#v}".*) ;; *) continue ;; esac
		fi
		version_key "$name" || continue
		if [ "$maj" -lt "$MIN_MAJOR" ]; then
			[ -n "$too_old" ] || too_old=v${name#v}
			continue
		fi
		[ "$key" -gt "$best_key" ] && [ -x "$dir/$2" ] || continue
		best=$dir/$2
		best_key=$key
	done
	[ -n "$best" ] && usable "$best"
}

# read_first <file>: the file's first line in $line.
read_first() {
	line=""
	[ -f "$1" ] || return 1
	IFS= read -r line <"$1" || [ -n "$line" ]
}

# nvm <dir>: the version its default alias names (aliases chain: default →
# lts/* → lts/jod → v22.x), else the newest installed version.
nvm_node() {
	[ -d "$1/versions/node" ] || return 1
	alias=default
	hops=0
	while [ "$hops" -lt 5 ] && read_first "$1/alias/$alias" && [ -n "$line" ]; do
		alias=$line
		hops=$((hops + 1))
	done
	case $alias in
	node | stable | current) pick_newest "$1/versions/node" bin/node && return 0 ;;
	v[0-9]* | [0-9]*) pick_newest "$1/versions/node" bin/node "$alias" && return 0 ;;
	esac
	pick_newest "$1/versions/node" bin/node
}

# fnm <dir>: its default alias (a link to the version's installation), else the newest.
fnm_node() {
	[ -d "$1/node-versions" ] || return 1
	usable "$1/aliases/default/bin/node" && return 0
	pick_newest "$1/node-versions" installation/bin/node
}

# asdf <data dir>: the version ~/.tool-versions names, else the newest.
asdf_node() {
	asdf_dir=$1
	[ -d "$asdf_dir/installs/nodejs" ] || return 1
	if [ -f "$HOME/.tool-versions" ]; then
		while IFS= read -r entry || [ -n "$entry" ]; do
			case $entry in
			nodejs\ *)
				set -f
				# shellcheck disable=SC2086 # split "nodejs 22.11.0 20.18.0" into words
				set -- $entry
				set +f
				shift
				for wanted in "$@"; do usable "$asdf_dir/installs/nodejs/$wanted/bin/node" && return 0; done
				break
				;;
			esac
		done <"$HOME/.tool-versions"
	fi
	pick_newest "$asdf_dir/installs/nodejs" bin/node
}

# in_path <PATH value>: looks for node in each folder of it.
in_path() {
	old_ifs=$IFS
	IFS=:
	set -f
	for dir in $1; do
		if usable "${dir:-.}/node"; then
			IFS=$old_ifs
			set +f
			return 0
		fi
	done
	IFS=$old_ifs
	set +f
	return 1
}

# login_shell_path: the PATH an interactive login shell ends up with, or false.
login_shell_path() {
	shell=${SHELL:-/bin/zsh}
	[ -x "$shell" ] || return 1
	case $shell in
	*/fish) print="printf '%s' '$START'(string join : \$PATH)'$END'" ;;
	*) print="printf '%s' \"$START\${PATH}$END\"" ;;
	esac
	out_dir=${cache_dir:-${TMPDIR:-/tmp}}
	mkdir -p "$out_dir" 2>/dev/null || return 1
	out_file=$out_dir/login-shell.$$.txt
	# Into a file, not a pipe: something the rc files start in the background
	# can't hold the answer open. Oh My Zsh's update prompt is switched off.
	DISABLE_AUTO_UPDATE=true "$shell" -i -l -c "$print" </dev/null >"$out_file" 2>/dev/null &
	shell_pid=$!
	(
		sleep "$SHELL_SECONDS"
		kill -9 "$shell_pid"
	) >/dev/null 2>&1 </dev/null &
	watchdog=$!
	wait "$shell_pid" 2>/dev/null
	kill "$watchdog" 2>/dev/null
	out=""
	while IFS= read -r part || [ -n "$part" ]; do out=$out$part; done <"$out_file"
	rm -f "$out_file"
	case $out in
	*"$START"*"$END"*)
		out=${out#*"$START"}
		login_path=${out%%"$END"*}
		[ -n "$login_path" ]
		;;
	*) return 1 ;;
	esac
}

find_node() {
	usable "$(command -v node 2>/dev/null)" && return 0

	data_home=${XDG_DATA_HOME:-$HOME/.local/share}
	if [ -n "${NVM_DIR-}" ]; then nvm_node "$NVM_DIR" && return 0; fi
	nvm_node "$HOME/.nvm" && return 0
	nvm_node "${XDG_CONFIG_HOME:-$HOME/.config}/nvm" && return 0

	if [ -n "${FNM_DIR-}" ]; then fnm_node "$FNM_DIR" && return 0; fi
	for dir in "$data_home/fnm" "$HOME/Library/Application Support/fnm" "$HOME/.fnm"; do
		fnm_node "$dir" && return 0
	done

	volta=${VOLTA_HOME:-$HOME/.volta}
	usable "$volta/bin/node" && return 0
	pick_newest "$volta/tools/image/node" bin/node && return 0

	asdf_node "${ASDF_DATA_DIR:-$HOME/.asdf}" && return 0

	pick_newest "${MISE_DATA_DIR:-$data_home/mise}/installs/node" bin/node && return 0
	pick_newest "${NODENV_ROOT:-$HOME/.nodenv}/versions" bin/node && return 0

	for prefix in "$ROOT/opt/homebrew" "$ROOT/usr/local"; do
		usable "$prefix/bin/node" && return 0
		usable "$prefix/opt/node/bin/node" && return 0
		pick_newest "$prefix/opt" bin/node "" node@ && return 0
	done
	usable "$ROOT/opt/local/bin/node" && return 0

	helper=${ALFRED_DOCTOR_PATH_HELPER-/usr/libexec/path_helper}
	if [ -n "$helper" ] && [ -x "$helper" ]; then
		# Prints PATH="..."; export PATH; — read it, never eval it.
		line=$("$helper" -s 2>/dev/null)
		case $line in
		PATH=\"*)
			line=${line#PATH=\"}
			in_path "${line%%\"*}" && return 0
			;;
		esac
	fi

	login_shell_path && in_path "$login_path" && return 0
	return 1
}

if find_node; then
	if [ -n "$node_cache" ] && mkdir -p "$cache_dir" 2>/dev/null; then
		printf '%s\n' "$found" >"$node_cache" 2>/dev/null
	fi
	exec "$found" "./$BUNDLE" "$@"
fi

if [ -n "$too_old" ]; then
	problem="Apple ID Doctor needs Node.js $MIN_MAJOR or later (found $too_old)"
else
	problem="Apple ID Doctor needs Node.js $MIN_MAJOR or later"
fi
how="Install it with Homebrew (brew install node) or from nodejs.org, then try again"

if [ "$1" = action ]; then
	# The notification shows this line; a non-zero exit would hide it.
	printf '%s. %s.\n' "$problem" "$how"
	exit 0
fi
printf '{"items":[{"uid":"error:node","title":"%s","subtitle":"%s","arg":"","valid":false,' "$problem" "$how"
printf '"icon":{"path":"icons/error.png"},"text":{"copy":"brew install node","largetype":"%s. %s."},' "$problem" "$how"
printf '"quicklookurl":"https://nodejs.org/","mods":{"cmd":{"valid":false,"arg":"","subtitle":"%s"},' "$how"
printf '"alt":{"valid":false,"arg":"","subtitle":"%s"}},"variables":{"action":"run"}}],"skipknowledge":true}\n' "$how"

#!/bin/sh
# Apple ID Doctor's Alfred launcher: finds Node.js, then runs the bundled
# workflow script with it. Alfred starts workflows with a minimal PATH
# (sindresorhus/alfy run-node.sh, alfred-emoj#1), so node is looked for in:
#   1. this PATH (command -v node)
#   2. the usual install places ($ALFRED_DOCTOR_NODE_CANDIDATES, colon-separated,
#      replaces them: Homebrew on Apple silicon and Intel, MacPorts, Volta, nvm)
#   3. /usr/libexec/path_helper's PATH ($ALFRED_DOCTOR_PATH_HELPER)
#   4. the login shell's PATH, printed between markers (rc-file chatter can't
#      leak into the JSON), cached in $alfred_workflow_cache/path.txt
# No node new enough: a Script Filter row (or, for the action, one line)
# saying how to install it. POSIX sh and shell built-ins only, plus mkdir.

MIN_MAJOR=22
BUNDLE=apple-id-doctor.js
START=__APPLE_ID_DOCTOR_PATH_START__
END=__APPLE_ID_DOCTOR_PATH_END__

case $0 in */*) cd "${0%/*}" || exit 1 ;; esac

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

find_node() {
	usable "$(command -v node 2>/dev/null)" && return 0

	if [ -n "${ALFRED_DOCTOR_NODE_CANDIDATES+set}" ]; then
		old_ifs=$IFS
		IFS=:
		set -f
		for candidate in $ALFRED_DOCTOR_NODE_CANDIDATES; do
			if usable "$candidate"; then
				IFS=$old_ifs
				set +f
				return 0
			fi
		done
		IFS=$old_ifs
		set +f
	else
		for candidate in /opt/homebrew/bin/node /usr/local/bin/node /opt/local/bin/node "$HOME/.volta/bin/node"; do
			usable "$candidate" && return 0
		done
		for candidate in "$HOME"/.nvm/versions/node/*/bin/node; do
			usable "$candidate" && return 0
		done
	fi

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

	cache=""
	[ -n "$alfred_workflow_cache" ] && cache=$alfred_workflow_cache/path.txt
	if [ -n "$cache" ] && [ -f "$cache" ]; then
		IFS= read -r cached <"$cache" || true
		in_path "$cached" && return 0
	fi

	shell=${SHELL:-/bin/zsh}
	if [ -x "$shell" ]; then
		# A login shell, not an interactive one: no prompts, no escape codes.
		case $shell in
		*/fish) print="printf '%s' '$START'(string join : \$PATH)'$END'" ;;
		*) print="printf '%s' \"$START\${PATH}$END\"" ;;
		esac
		out=$("$shell" -l -c "$print" </dev/null 2>/dev/null)
		case $out in
		*"$START"*"$END"*)
			out=${out#*"$START"}
			login_path=${out%%"$END"*}
			if [ -n "$cache" ] && [ -n "$login_path" ]; then
				mkdir -p "$alfred_workflow_cache" 2>/dev/null && printf '%s\n' "$login_path" >"$cache" 2>/dev/null
			fi
			in_path "$login_path" && return 0
			;;
		esac
	fi
	return 1
}

if find_node; then
	exec "$found" "./$BUNDLE" "$@"
fi

if [ -n "$too_old" ]; then
	problem="Apple ID Doctor needs Node.js $MIN_MAJOR or later (found $too_old)"
else
	problem="Apple ID Doctor needs Node.js $MIN_MAJOR or later"
fi
how="Install it with Homebrew (brew install node) or from nodejs.org, then try again"

if [ "$1" = action ]; then
	printf '%s. %s.\n' "$problem" "$how"
	exit 1
fi
printf '{"items":[{"uid":"error:node","title":"%s","subtitle":"%s","arg":"","valid":false,' "$problem" "$how"
printf '"icon":{"path":"icons/error.png"},"text":{"copy":"brew install node","largetype":"%s. %s."},' "$problem" "$how"
printf '"quicklookurl":"https://nodejs.org/","mods":{"cmd":{"valid":false,"arg":"","subtitle":"%s"},' "$how"
printf '"alt":{"valid":false,"arg":"","subtitle":"%s"}},"variables":{"action":"run"}}],"skipknowledge":true}\n' "$how"

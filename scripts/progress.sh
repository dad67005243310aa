#!/usr/bin/env bash
# Sourced by the scripts that install things on first use: a long install says every 15 s how
# far it is, instead of staying silent for minutes.
#   run_with_progress "label" <folder that fills up> <expected packages> command args…
run_with_progress() {
	local label=$1 folder=$2 expected=$3
	shift 3
	local started=$SECONDS
	(
		while sleep 15; do
			local count
			count=$(find "$folder" -mindepth 2 -maxdepth 3 -name package.json 2>/dev/null | wc -l)
			printf '      … %s: %d s, %d of about %d packages\n' "$label" $((SECONDS - started)) "$count" "$expected" >&2
		done
	) &
	local ticker=$!
	local status=0
	"$@" || status=$?
	kill "$ticker" 2>/dev/null || true
	wait "$ticker" 2>/dev/null || true
	if [ "$status" -eq 0 ]; then
		printf '      done in %d s\n' $((SECONDS - started)) >&2
	fi
	return "$status"
}

#!/usr/bin/env bash
# The demo `make run` shows, loaded into the stack NAME (var/NAME): three
# months of ticket history, ten tickets made now in every stage of the loop
# (after the history: the queue's newest, by id), parts, metrics, OKRs and
# journey maps, in that order (each step reads what the ones before made). Each step is
# idempotent: a second load adds nothing. Also run by tests/run-all.sh on a
# fresh stack, so a change that breaks the demo fails `make test`.
#
# Usage: conf/stack/demo.sh NAME   (BUILD: the build directory, default build)
set -eu
cd "$(dirname "$0")/../.."
NAME=${1:?usage: conf/stack/demo.sh NAME}
CLI=${BUILD:-build}/bin/sl-cli
for step in demo-history demo-tickets demo-parts demo-metrics demo-okr demo-journeys; do
	SL_CONFIG="var/$NAME/serviceloop.conf" "$CLI" "$step" ||
		{ echo "demo: sl-cli $step failed" >&2; exit 1; }
done

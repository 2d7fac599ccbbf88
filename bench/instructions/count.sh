#!/bin/bash
# Instructions per SDK call, counted by valgrind (not part of `pnpm bench`: needs valgrind).
#   bench/instructions/count.sh MODE [SEEDS]     MODE: plain | mixed | bridge; SEEDS default "1 2 3"
# Runs calls.mjs for LOW (default 1000) and for HIGH (default 2000) rounds and
# divides the difference by the calls in between, so start-up cancels out.
# The window starts late on purpose: V8 is still compiling the SDK's code
# through round ~600 (node --trace-opt), and compiling costs instructions
# that a long-running process does not pay per call. V8's hash and random
# seeds are fixed (repeat runs in one checkout agree within about 0.15%);
# other seeds move the figure, so it reports each seed and the mean.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=$1
seeds=${2:-1 2 3}
low=${LOW:-1000}
high=${HIGH:-2000}
count() { # rounds seed
  N=$1 MODE=$mode AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=1 \
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    node --single-threaded --hash-seed="$2" --random-seed="$2" bench/instructions/calls.mjs 2>&1 |
    sed -n 's/.*I *refs: *//p' | tr -d ,
}
total=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for seed in $seeds; do
  count "$low" "$seed" >"$scratch/low" &
  count "$high" "$seed" >"$scratch/high" &
  wait
  per_call=$(( ($(cat "$scratch/high") - $(cat "$scratch/low")) / ((high - low) * 8) ))
  echo "$mode seed $seed: $per_call instructions per call"
  total=$(( total + per_call ))
done
echo "$mode mean: $(( total / $(echo $seeds | wc -w) )) instructions per call (the average of clients a and b, rounds $low to $high)"

#!/bin/bash
# Instructions per SDK call, counted by valgrind (not part of `pnpm bench`: needs valgrind).
#   bench/instructions/count.sh MODE [SEEDS]     MODE: plain | mixed | bridge; SEEDS default "1 2 3"
# Runs calls.mjs for 200 and for 600 rounds and divides the difference by the
# 3,200 calls in between, so start-up and warm-up cancel out. V8's hash and
# random seeds are fixed (repeat runs in one checkout then agree within about
# 0.05%); other seeds move the figure by about ±0.3%, so it reports each seed
# and the mean.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=$1
seeds=${2:-1 2 3}
count() { # rounds seed
  N=$1 MODE=$mode AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=1 \
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    node --single-threaded --hash-seed="$2" --random-seed="$2" bench/instructions/calls.mjs 2>&1 |
    sed -n 's/.*I *refs: *//p' | tr -d ,
}
total=0
for seed in $seeds; do
  low=$(count 200 "$seed")
  high=$(count 600 "$seed")
  per_call=$(( (high - low) / 3200 ))
  echo "$mode seed $seed: $per_call instructions per call"
  total=$(( total + per_call ))
done
echo "$mode mean: $(( total / $(echo $seeds | wc -w) )) instructions per call (the average of clients a and b)"

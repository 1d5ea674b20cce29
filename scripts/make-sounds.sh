#!/usr/bin/env bash
# Regenerates the default sound set in config/sounds/: speech from espeak-ng, music and beeps
# from sox's synth, everything 8 kHz mono 16-bit PCM WAV (what ivr.audio.WavReader loads
# without resampling). Needs the Debian packages espeak-ng and sox.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/usage.sh"; help_from_header "$@"
cd "$(dirname "$0")/.."
out=config/sounds
mkdir -p "$out"

for tool in espeak-ng sox; do
  command -v "$tool" >/dev/null 2>&1 || { echo "make-sounds: $tool is missing (apt-get install $tool)" >&2; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Same voice and speed for every phrase, so joined announcements sound like one speaker.
VOICE=en-us
SPEED=150

to8k() { # in out: resample to telephone format, normalise to -3 dBFS
  sox -R "$1" -r 8000 -c 1 -b 16 -e signed-integer "$2" norm -3
}

say() { # name text
  espeak-ng -v "$VOICE" -s "$SPEED" -w "$tmp/$1.raw.wav" "$2"
  to8k "$tmp/$1.raw.wav" "$out/$1.wav"
}

# The default config refers to these names.
say welcome "Welcome. For sales press 1, for support press 2."
say invalid "Sorry, that is not a valid choice."
say closed "We are closed now. Please call again during our business hours. Goodbye."
say goodbye "Thank you for calling. Goodbye."
say sales-greeting "Thank you for calling sales. An agent will be with you shortly."
say support-greeting "Thank you for calling support. An agent will be with you shortly."
say greeting "Thank you for calling. An agent will be with you shortly."
say stay-on-line "Please stay on the line."
say voicemail "Nobody can take your call right now. Please leave a message after the tone, and press the hash key when you are done."
# Heard by an agent's personal device with forwardConfirm, looped until a key: 1.5 s of quiet
# after the phrase gives the agent time to press before it is said again.
say press-one "Press 1 to take this call."
sox -R "$out/press-one.wav" "$tmp/press-one.wav" pad 0 1.5 && mv "$tmp/press-one.wav" "$out/press-one.wav"

# Position and expected-wait phrases, joined at run time by ivr.queue.Announcer.
say caller-number "You are caller number"
say expected-wait "Your expected wait is about"
say less-than-a-minute "Your expected wait is less than a minute."
say minute "minute"
say minutes "minutes"
# 1..19 and the tens up to ninety: enough to compose any number 1..99 ("twenty" "three").
numbers=(zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
  fifteen sixteen seventeen eighteen nineteen)
for n in $(seq 1 19); do
  say "number-$n" "${numbers[$n]}"
done
tens=(zero ten twenty thirty forty fifty sixty seventy eighty ninety)
for t in $(seq 2 9); do
  say "number-${t}0" "${tens[$t]}"
done

# Beep: 400 ms of 1 kHz with short fades, so it does not click.
sox -R -n -r 8000 -c 1 -b 16 -e signed-integer "$out/beep.wav" synth 0.4 sine 1000 fade 0.01 0.4 0.01 gain -6

# Hold music: a I-vi-IV-V progression of soft triads with a bass note, 24 s, made to loop.
chord() { # file seconds notes...
  local file=$1 len=$2; shift 2
  local args=()
  for note in "$@"; do args+=(pluck "$note"); done
  sox -R -n -r 8000 -c 1 -b 16 -e signed-integer "$file" synth "$len" "${args[@]}" fade 0.02 "$len" 0.3 gain -3
}
i=0
for round in 1 2 3; do
  for c in "C3 C4 E4 G4" "A2 A3 C4 E4" "F2 F3 A3 C4" "G2 G3 B3 D4"; do
    # shellcheck disable=SC2086
    chord "$tmp/chord-$(printf %02d $i).wav" 2 $c
    i=$((i + 1))
  done
done
sox -R "$tmp"/chord-*.wav "$tmp/music.wav"
sox -R "$tmp/music.wav" -r 8000 -c 1 -b 16 -e signed-integer "$out/hold-music.wav" norm -6

echo "make-sounds: wrote $(ls "$out"/*.wav | wc -l) files to $out ($(du -sh "$out" | cut -f1))"

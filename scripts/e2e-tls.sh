#!/usr/bin/env bash
# End to end over SIP-over-TLS and SRTP with a real softphone, on loopback: scripts/e2e-softphone.sh
# with --tls. The server gets a self-signed certificate made by openssl (sip.tls), baresip registers
# over TLS trusting it as agent 1001 with media: srtp and takes SRTP only (mediaenc=srtp-mand);
# SIPp calls the queue with plain RTP from a trunk address and baresip answers. Passes when the
# registration came over TLS, the call reached baresip over that same connection, baresip reports
# SRTP on the call, and each side heard the other's tone (the relay decrypting and encrypting; the
# recording, in clear, has both).
#   scripts/e2e-tls.sh                  # the check
#   scripts/e2e-tls.sh --mute agent     # baresip sends silence: FAILS
# Needs: java, sipp, baresip, sox, python3, openssl, ss. Takes about 10 s. The last line says OK or
# FAILED; a failed run keeps its logs and says where.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/usage.sh"; help_from_header "$@"
exec "$(dirname "${BASH_SOURCE[0]}")/e2e-softphone.sh" --tls "$@"

#!/bin/sh
# Generates the certificates and keys the loopback test servers present, into
# the folder given (test/global-setup.ts runs it into test/.tls before every
# test run). Nothing here is committed: the leaves name Apple's hosts and
# "Apple Inc.", so their private keys must never be public. Every date is
# explicit, so a run never depends on the day it happens. `openssl ca` is used
# because only it takes explicit start and end dates, which the expired and
# not-yet-valid leaves need.
set -eu

out="${1:-$(cd "$(dirname "$0")/.." && pwd)/test/.tls}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
cd "$work"

sans="DNS:www.apple.com,DNS:captive.apple.com,DNS:appleid.apple.com,DNS:idmsa.apple.com,DNS:gsa.apple.com,DNS:setup.icloud.com,DNS:account.apple.com,DNS:localhost,IP:127.0.0.1"

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

# A CA database per issuer, so `openssl ca` can sign with explicit dates.
make_ca_db() {
  mkdir -p "$1/new"
  : >"$1/index.txt"
  echo "unique_subject = no" >"$1/index.txt.attr"
  echo 1000 >"$1/serial"
  cat >"$1/ca.cnf" <<CNF
[ ca ]
default_ca = this
[ this ]
dir = $work/$1
database = \$dir/index.txt
new_certs_dir = \$dir/new
serial = \$dir/serial
certificate = \$dir/ca.pem
private_key = \$dir/ca.key
default_md = sha256
policy = anything
copy_extensions = none
[ anything ]
commonName = supplied
organizationName = optional
[ ca_ext ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ leaf ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = $sans
CNF
}

make_ca() { # dir, CN, O
  make_ca_db "$1"
  key "$1/ca.key"
  openssl req -new -key "$1/ca.key" -out "$1/ca.csr" -subj "/O=$3/CN=$2"
  # Valid from 2020, so a test machine whose clock is behind still trusts it.
  openssl ca -batch -notext -selfsign -config "$1/ca.cnf" -extensions ca_ext \
    -startdate 20200101000000Z -enddate 21000101000000Z -in "$1/ca.csr" -out "$1/ca.pem" 2>/dev/null
}

sign_leaf() { # ca dir, name, start, end
  key "$2.key"
  openssl req -new -key "$2.key" -out "$2.csr" -subj "/O=Apple Inc./CN=appleid.apple.com"
  openssl ca -batch -notext -config "$1/ca.cnf" -extensions leaf \
    -startdate "$3" -enddate "$4" -in "$2.csr" -out "$2.pem" 2>/dev/null
}

make_ca ca "Apple ID Doctor Test CA" "Apple ID Doctor Tests"
make_ca inspection "Corp SSL Inspection CA" "Corp Security"
# Named like Apple's real issuer (a test CA, not Apple's): the healthy
# loopback Mac presents this, so tls-inspection sees an expected issuer.
make_ca apple-named "Apple Public Server RSA CA 12 - G1" "Apple ID Doctor Tests (not Apple)"

sign_leaf ca apple 20240101000000Z 20991231235959Z
sign_leaf ca expired 20200101000000Z 20210101000000Z
sign_leaf ca not-yet-valid 20900101000000Z 20991231235959Z
sign_leaf inspection inspected 20240101000000Z 20991231235959Z
sign_leaf apple-named apple-issued 20240101000000Z 20991231235959Z

make_ca_db self
key self-signed.key
openssl req -new -key self-signed.key -out self-signed.csr -subj "/O=Apple Inc./CN=appleid.apple.com"
openssl ca -batch -notext -selfsign -keyfile self-signed.key -config self/ca.cnf -extensions leaf \
  -startdate 20200101000000Z -enddate 21000101000000Z -in self-signed.csr -out self-signed.pem 2>/dev/null

cp ca/ca.pem "$out/ca.pem"
cp inspection/ca.pem "$out/inspection-ca.pem"
cp apple-named/ca.pem "$out/apple-named-ca.pem"
for name in apple apple-issued expired not-yet-valid self-signed; do
  cp "$name.pem" "$out/$name.pem"
  cp "$name.key" "$out/$name.key"
done
# An intercepting proxy sends its own CA along with the forged leaf.
cat inspected.pem inspection/ca.pem >"$out/inspected.pem"
cp inspected.key "$out/inspected.key"
echo "wrote $(ls "$out" | wc -l) files to $out"

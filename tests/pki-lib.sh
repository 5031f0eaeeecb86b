# pki-lib.sh: sourced by tests that need x509 certificates made by certtool.
# Set $pki (a folder) first; every file is written there.
#   cacert NAME CN                   a self-signed CA: NAMEkey.pem, NAMEcert.pem
#   cert NAME CA TEMPLATE-LINES...   a certificate signed by CA
#   client NAME CA CN [LINES...]     a TLS client certificate (C=GB, O=virtkit)
#   server_cert NAME CA              a TLS server certificate for localhost
#   pkipath DIR CLIENT               DIR laid out as libvirt's clients read it

cert() {
    name=$1 ca=$2; shift 2
    printf '%s\n' "$@" >"$pki/$name.info"
    certtool --generate-privkey --outfile "$pki/${name}key.pem" >/dev/null 2>&1
    certtool --generate-certificate --load-privkey "$pki/${name}key.pem" \
        --load-ca-certificate "$pki/${ca}cert.pem" \
        --load-ca-privkey "$pki/${ca}key.pem" --template "$pki/$name.info" \
        --outfile "$pki/${name}cert.pem" >/dev/null 2>&1
}

cacert() {
    printf 'cn = %s\nca\ncert_signing_key\ncrl_signing_key\nexpiration_days = 30\n' \
        "$2" >"$pki/$1.info"
    certtool --generate-privkey --outfile "$pki/${1}key.pem" >/dev/null 2>&1
    certtool --generate-self-signed --load-privkey "$pki/${1}key.pem" \
        --template "$pki/$1.info" --outfile "$pki/${1}cert.pem" >/dev/null 2>&1
}

client() {
    name=$1 ca=$2 cn=$3; shift 3
    cert "$name" "$ca" "country = GB" "locality = London" \
        "organization = virtkit" "cn = $cn" tls_www_client encryption_key \
        signing_key "$@"
}

server_cert() {
    cert "$1" "$2" "organization = virtkit" "cn = localhost" "dns_name = localhost" \
        tls_www_server encryption_key signing_key \
        "expiration_days = 30"
}

pkipath() {
    mkdir -p "$1"
    cp "$pki/cacert.pem" "$1/cacert.pem"
    cp "$pki/${2}cert.pem" "$1/clientcert.pem"
    cp "$pki/${2}key.pem" "$1/clientkey.pem"
}

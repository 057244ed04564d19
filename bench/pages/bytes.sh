#!/usr/bin/env bash
# Bytes a browser downloads for a page and the files it links, on a first visit and on a repeat visit,
# as curl sees them with "Accept-Encoding: gzip, br": the page and every linked stylesheet, script and
# the favicon. On the repeat visit a file comes again unless its Cache-Control lets the browser keep it
# (max-age without no-store/no-cache); with no-cache it is asked for with If-None-Match/If-Modified-Since.
#   bench/pages/bytes.sh http://localhost:18081/rsvp/TOKEN
set -euo pipefail
page="$1"
origin=$(echo "$page" | sed -E 's#^(https?://[^/]+).*#\1#')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() {  # fetch <url> [extra curl args...] -> prints "<status> <bytes on the wire>"; headers in $work/h
  local url="$1"; shift
  curl -s --compressed -H 'Accept-Encoding: gzip, br' -D "$work/h" -o "$work/body" \
    -w '%{http_code} %{size_download}\n' "$@" "$url"
}

first=0; repeat=0; requests_first=0; requests_repeat=0
printf '%-70s %8s %8s  %s\n' file first repeat cache-control
read -r _ bytes <<< "$(fetch "$page")"
first=$((first + bytes)); repeat=$((repeat + bytes)); requests_first=1; requests_repeat=1
printf '%-70s %8d %8d  %s\n' "${page#"$origin"}" "$bytes" "$bytes" "$(grep -i '^cache-control:' "$work/h" | cut -d' ' -f2- | tr -d '\r')"
assets=$(grep -oE '(href|src)="/(webjars|css|js)/[^"]+"' "$work/body" | sed -E 's/^(href|src)="//; s/"$//'; echo /favicon.ico)
for asset in $assets; do
  read -r _ bytes <<< "$(fetch "$origin$asset")"
  control=$(grep -i '^cache-control:' "$work/h" | cut -d' ' -f2- | tr -d '\r' || true)
  etag=$(grep -i '^etag:' "$work/h" | cut -d' ' -f2- | tr -d '\r' || true)
  modified=$(grep -i '^last-modified:' "$work/h" | cut -d' ' -f2- | tr -d '\r' || true)
  first=$((first + bytes)); requests_first=$((requests_first + 1))
  again=0
  if [[ "$control" =~ max-age=[1-9] && ! "$control" =~ no-(store|cache) ]]; then
    again=0
  elif [[ "$control" =~ no-store || ( -z "$etag" && -z "$modified" ) ]]; then
    read -r _ again <<< "$(fetch "$origin$asset")"; requests_repeat=$((requests_repeat + 1))
  else
    read -r _ again <<< "$(fetch "$origin$asset" ${etag:+-H "If-None-Match: $etag"} ${modified:+-H "If-Modified-Since: $modified"})"
    requests_repeat=$((requests_repeat + 1))
  fi
  repeat=$((repeat + again))
  printf '%-70s %8d %8d  %s\n' "$asset" "$bytes" "$again" "$control"
done
printf '%-70s %8d %8d  (%d / %d requests; bodies only, headers not counted)\n' total "$first" "$repeat" "$requests_first" "$requests_repeat"

package graph

// Which requests kg serve answers at all. It has no authentication, so
// what protects it is that only this machine can connect (the --addr
// check in cmd/kg) — and that a web page open in the user's browser, which
// runs on this machine too, cannot use it:
//
//   - DNS rebinding: a page at http://evil.example:64210/ has its name
//     resolve to 127.0.0.1, and its scripts then talk to kg serve as
//     "same origin". The browser still sends Host: evil.example:64210, so
//     a Host that names neither an IP address, nor localhost, nor a name
//     the user allowed (--allow-host) is refused.
//   - Cross-site requests: a page may POST a form or a "simple" fetch
//     (text/plain) to http://127.0.0.1:64210/api/v2/write without being
//     allowed to read the answer — the write happens anyway. Browsers name
//     the page's origin in the Origin header (and Sec-Fetch-Site), so an
//     API request from any origin but the server's own (or one allowed with
//     --allow-origin) is refused. Clients that are not browsers (curl, kg,
//     scripts) send neither header and are not affected.
//
// Writes also require an RDF Content-Type (serve_write.go), which a form
// cannot send and a cross-origin script cannot send without a CORS
// preflight that kg serve never grants.

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

func checkOrigin(opt ServeOptions, next http.Handler) http.Handler {
	hosts := map[string]bool{"localhost": true}
	for _, h := range opt.AllowHosts {
		hosts[strings.ToLower(h)] = true
	}
	origins := map[string]bool{}
	for _, o := range opt.AllowOrigins {
		origins[strings.ToLower(strings.TrimSuffix(o, "/"))] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := hostName(r.Host)
		if net.ParseIP(host) == nil && !hosts[host] {
			jsonError(w, http.StatusForbidden, fmt.Sprintf(
				"Host %q is not this server's address: refused, as a web page reaching kg serve through DNS rebinding would be (kg serve --allow-host %s accepts it)",
				r.Host, host))
			return
		}
		origin := r.Header.Get("Origin")
		if origin != "" && !sameOrigin(origin, r.Host) && !origins[strings.ToLower(origin)] {
			jsonError(w, http.StatusForbidden, fmt.Sprintf(
				"request from the web page origin %q refused: only this server's own pages may use its API (kg serve --allow-origin %s allows it)",
				origin, origin))
			return
		}
		// A cross-site request without Origin (a link followed, an image
		// loaded) may still open a page, but not reach the API.
		if site := r.Header.Get("Sec-Fetch-Site"); origin == "" && (site == "cross-site" || site == "same-site") && limited(r) {
			jsonError(w, http.StatusForbidden, "request from another web site refused: only this server's own pages may use its API")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// hostName is the host of a Host header, lower case, without port or the
// brackets of an IPv6 address.
func hostName(hostport string) string {
	h := hostport
	if host, _, err := net.SplitHostPort(hostport); err == nil {
		h = host
	}
	return strings.ToLower(strings.Trim(h, "[]"))
}

// sameOrigin reports whether an Origin header names this server as the
// request reached it: http, and the same host and port as the Host header.
func sameOrigin(origin, host string) bool {
	u, err := url.Parse(origin)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		return false
	}
	return strings.EqualFold(u.Host, host)
}

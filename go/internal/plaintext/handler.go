// Package plaintext is the http-plaintext workload on net/http: TechEmpower's
// plaintext test, GET /plaintext -> "Hello, World!" as text/plain.
package plaintext

import "net/http"

var body = []byte("Hello, World!")

// Register adds GET /plaintext; the mux answers 405 for other methods.
func Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /plaintext", hello)
}

// net/http adds Date and Content-Length itself; Server is set here because
// TechEmpower's rules require it.
func hello(w http.ResponseWriter, _ *http.Request) {
	h := w.Header()
	h["Content-Type"] = []string{"text/plain"}
	h["Server"] = []string{"nethttp"}
	w.Write(body) //nolint:errcheck // a failed write means the client left
}

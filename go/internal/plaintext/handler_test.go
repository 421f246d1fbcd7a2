// Runs every http-plaintext vector against the mux over a real HTTP server.
package plaintext

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"claimbench/internal/vectors"
)

func TestVectors(t *testing.T) {
	mux := http.NewServeMux()
	Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	vectors.RunWorkload(t, "http-plaintext", srv.URL)
}

// What the vectors leave open: the Server value, the length, and Allow on a 405.
func TestHeaders(t *testing.T) {
	mux := http.NewServeMux()
	Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	res, err := http.Get(srv.URL + "/plaintext")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	for name, want := range map[string]string{"Server": "nethttp", "Content-Length": "13"} {
		if got := res.Header.Get(name); got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}

	res, err = http.Post(srv.URL+"/plaintext", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if got := res.Header.Get("Allow"); res.StatusCode != 405 || got != "GET, HEAD" {
		t.Errorf("POST: got %d with Allow %q, want 405 with Allow \"GET, HEAD\"", res.StatusCode, got)
	}
}

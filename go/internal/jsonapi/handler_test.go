// Runs every http-json-api vector against the mux over a real HTTP server.
package jsonapi

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"claimbench/internal/vectors"
)

func TestVectors(t *testing.T) {
	vs, err := vectors.LoadWorkload("http-json-api")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	Register(mux)
	// A real server, so the 1 MiB vectors go through the real body path.
	srv := httptest.NewServer(mux)
	defer srv.Close()
	client := srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	for _, v := range vs {
		t.Run(v.Name, func(t *testing.T) {
			req, err := v.Request(srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			diffs, err := vectors.CheckResponse(v.Expect, resp)
			if err != nil {
				t.Fatal(err)
			}
			if len(diffs) > 0 {
				t.Errorf("%s %s:\n  %s", v.Method, v.Path, strings.Join(diffs, "\n  "))
			}
		})
	}
}

func TestIsJSON(t *testing.T) {
	for ct, want := range map[string]bool{
		"application/json":                  true,
		"Application/JSON; charset=UTF-8":   true,
		"application/problem+json":          true,
		"":                                  false,
		"text/json":                         false,
		"application/jsonx":                 false,
		"application/json; charset":         false, // unparsable parameters
		"application/x-www-form-urlencoded": false,
	} {
		if got := isJSON(ct); got != want {
			t.Errorf("isJSON(%q) = %v, want %v", ct, got, want)
		}
	}
}

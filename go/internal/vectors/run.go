package vectors

import (
	"net/http"
	"strings"
	"testing"
)

// RunWorkload sends every vector of workload id to the server at baseURL
// (e.g. "http://127.0.0.1:41234"), each in a subtest named after the vector,
// and reports every way each response misses its expectation.
func RunWorkload(t *testing.T, id, baseURL string) {
	t.Helper()
	vs, err := LoadWorkload(id)
	if err != nil {
		t.Fatal(err)
	}
	// No transparent gzip (bodies are compared byte for byte) and no
	// redirect following (a redirect is an answer to check).
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DisableCompression = true
	t.Cleanup(tr.CloseIdleConnections)
	client := &http.Client{
		Transport:     tr,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	for _, v := range vs {
		t.Run(v.Name, func(t *testing.T) {
			req, err := v.Request(baseURL)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			diffs, err := CheckResponse(v.Expect, resp)
			if err != nil {
				t.Fatal(err)
			}
			if len(diffs) > 0 {
				t.Errorf("%s %s:\n  %s", v.Method, v.Path, strings.Join(diffs, "\n  "))
			}
		})
	}
}

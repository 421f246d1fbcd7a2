// Package vectors loads workloads/*/vectors.toml and checks responses against them, for the Go tests.
package vectors

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// Vector is one request and the response it must get.
type Vector struct {
	Name       string            `toml:"name"`
	Method     string            `toml:"method"`
	Path       string            `toml:"path"`
	Headers    map[string]string `toml:"headers"`
	Body       *string           `toml:"body"`
	BodyHex    *string           `toml:"body_hex"`
	BodyRepeat *Repeat           `toml:"body_repeat"`
	Expect     Expect            `toml:"expect"`

	// RawBody is the request body built from whichever body form was given.
	RawBody []byte `toml:"-"`
}

// Repeat is prefix + text*count + suffix, for bodies too large to write out.
type Repeat struct {
	Prefix string `toml:"prefix"`
	Text   string `toml:"text"`
	Count  int    `toml:"count"`
	Suffix string `toml:"suffix"`
}

// Expect is what a response must satisfy; empty fields are not checked.
type Expect struct {
	Status         int               `toml:"status"`
	ContentType    string            `toml:"content_type"`
	Headers        map[string]string `toml:"headers"`
	HeadersPresent []string          `toml:"headers_present"`
	BodyJSON       *string           `toml:"body_json"`
	Body           *string           `toml:"body"`
}

// RepoRoot walks up from the working directory to the first directory
// holding workloads/, so tests run from any checkout location.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if fi, err := os.Stat(filepath.Join(dir, "workloads")); err == nil && fi.IsDir() {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no workloads/ directory above the working directory")
		}
		dir = parent
	}
}

// ErrBatchWorkload: a batch workload has no request vectors; its tasks pin checksums in
// workload.toml instead (see workloads/batch-protocol.md).
var ErrBatchWorkload = errors.New("a batch workload: its checksums are pinned in workload.toml, it has no vectors")

// LoadWorkload loads the vector file that workloads/<id>/workload.toml names
// (ErrBatchWorkload for a batch workload).
func LoadWorkload(id string) ([]Vector, error) {
	if id == "" || id == "." || id == ".." || strings.ContainsAny(id, `/\`) {
		return nil, fmt.Errorf("workload id %q is not a directory name", id)
	}
	root, err := RepoRoot()
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(root, "workloads", id)
	var w struct {
		Kind    string `toml:"kind"`
		Vectors string `toml:"vectors"`
	}
	if _, err := toml.DecodeFile(filepath.Join(dir, "workload.toml"), &w); err != nil {
		return nil, err
	}
	if w.Kind == "batch" {
		return nil, fmt.Errorf("%s: %w", id, ErrBatchWorkload)
	}
	if w.Vectors == "" {
		return nil, fmt.Errorf("%s/workload.toml names no vectors file", id)
	}
	return Load(filepath.Join(dir, w.Vectors))
}

// Load reads and validates a vector file. Unknown keys are errors, because a
// misspelt expectation would otherwise silently check nothing.
func Load(path string) ([]Vector, error) {
	var f struct {
		Vector []Vector `toml:"vector"`
	}
	md, err := toml.DecodeFile(path, &f)
	if err != nil {
		return nil, err
	}
	if un := md.Undecoded(); len(un) > 0 {
		return nil, fmt.Errorf("%s: unknown keys %v", path, un)
	}
	if len(f.Vector) == 0 {
		return nil, fmt.Errorf("%s: no [[vector]] entries", path)
	}
	seen := map[string]bool{}
	for i := range f.Vector {
		v := &f.Vector[i]
		if err := v.prepare(); err != nil {
			return nil, fmt.Errorf("%s: vector %d (%q): %w", path, i+1, v.Name, err)
		}
		if seen[v.Name] {
			return nil, fmt.Errorf("%s: duplicate vector name %q", path, v.Name)
		}
		seen[v.Name] = true
	}
	return f.Vector, nil
}

func (v *Vector) prepare() error {
	switch {
	case v.Name == "":
		return errors.New("missing name")
	case v.Method == "" || v.Path == "":
		return errors.New("missing method or path")
	case v.Expect.Status < 100 || v.Expect.Status > 599:
		return fmt.Errorf("expect.status %d is not an HTTP status", v.Expect.Status)
	}
	if v.Expect.BodyJSON != nil && !json.Valid([]byte(*v.Expect.BodyJSON)) {
		return errors.New("expect.body_json is not valid JSON")
	}
	if v.Expect.BodyJSON != nil && v.Expect.Body != nil {
		return errors.New("both expect.body and expect.body_json")
	}
	for _, name := range v.Expect.HeadersPresent {
		if strings.TrimSpace(name) == "" {
			return errors.New("empty name in expect.headers_present")
		}
	}
	forms := 0
	if v.Body != nil {
		forms++
		v.RawBody = []byte(*v.Body)
	}
	if v.BodyHex != nil {
		forms++
		b, err := hex.DecodeString(*v.BodyHex)
		if err != nil {
			return fmt.Errorf("body_hex: %w", err)
		}
		v.RawBody = b
	}
	if r := v.BodyRepeat; r != nil {
		forms++
		if r.Count < 0 {
			return errors.New("body_repeat.count is negative")
		}
		v.RawBody = []byte(r.Prefix + strings.Repeat(r.Text, r.Count) + r.Suffix)
	}
	if forms > 1 {
		return errors.New("more than one of body, body_hex, body_repeat")
	}
	return nil
}

// Request builds the vector's request against baseURL (e.g. an httptest.Server URL).
func (v *Vector) Request(baseURL string) (*http.Request, error) {
	var body io.Reader
	if v.RawBody != nil {
		body = bytes.NewReader(v.RawBody)
	}
	req, err := http.NewRequest(v.Method, baseURL+v.Path, body)
	if err != nil {
		return nil, err
	}
	for k, val := range v.Headers {
		req.Header.Set(k, val)
	}
	return req, nil
}

// CheckResponse reads resp's body and returns every way it misses e; none
// means it matches. Use rec.Result() for an httptest.ResponseRecorder.
func CheckResponse(e Expect, resp *http.Response) ([]string, error) {
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("reading response body: %w", err)
	}
	return Check(e, resp.StatusCode, resp.Header, body), nil
}

// Check compares a response's parts with e and describes each difference.
func Check(e Expect, status int, h http.Header, body []byte) []string {
	var diffs []string
	if status != e.Status {
		diffs = append(diffs, fmt.Sprintf("status: got %d, want %d", status, e.Status))
	}
	if e.ContentType != "" {
		got := h.Get("Content-Type")
		mt, _, err := mime.ParseMediaType(got)
		want, _, werr := mime.ParseMediaType(e.ContentType)
		if err != nil || werr != nil || mt != want {
			diffs = append(diffs, fmt.Sprintf("content type: got %q, want media type %q", got, e.ContentType))
		}
	}
	names := make([]string, 0, len(e.Headers))
	for k := range e.Headers {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		vals := h.Values(k)
		if got := strings.Join(vals, ", "); len(vals) == 0 || got != e.Headers[k] {
			diffs = append(diffs, fmt.Sprintf("header %s: got %q (%d values), want %q", k, got, len(vals), e.Headers[k]))
		}
	}
	for _, k := range e.HeadersPresent {
		if len(h.Values(k)) == 0 {
			diffs = append(diffs, fmt.Sprintf("header %s: missing, want it present", k))
		}
	}
	if e.Body != nil && string(body) != *e.Body {
		diffs = append(diffs, fmt.Sprintf("body: got %.200q (%d bytes), want %.200q (%d bytes)", body, len(body), *e.Body, len(*e.Body)))
	}
	if e.BodyJSON != nil {
		var want, got any
		if err := json.Unmarshal([]byte(*e.BodyJSON), &want); err != nil {
			diffs = append(diffs, fmt.Sprintf("body_json expectation is not JSON: %v", err))
		} else if err := json.Unmarshal(body, &got); err != nil {
			diffs = append(diffs, fmt.Sprintf("body: not JSON (%v): %.200q", err, body))
		} else {
			diffs = append(diffs, jsonDiff("body$", got, want)...)
		}
	}
	return diffs
}

// jsonDiff lists differences by JSON path. Values come from json.Unmarshal
// into any, so numbers are float64 and compared as IEEE-754 doubles.
func jsonDiff(path string, got, want any) []string {
	gm, gok := got.(map[string]any)
	wm, wok := want.(map[string]any)
	if gok && wok {
		keys := map[string]bool{}
		for k := range gm {
			keys[k] = true
		}
		for k := range wm {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		var diffs []string
		for _, k := range sorted {
			p := path + "." + k
			g, inGot := gm[k]
			w, inWant := wm[k]
			switch {
			case !inGot:
				diffs = append(diffs, fmt.Sprintf("%s: missing, want %s", p, show(w)))
			case !inWant:
				diffs = append(diffs, fmt.Sprintf("%s: unexpected %s", p, show(g)))
			default:
				diffs = append(diffs, jsonDiff(p, g, w)...)
			}
		}
		return diffs
	}
	ga, gok := got.([]any)
	wa, wok := want.([]any)
	if gok && wok && len(ga) == len(wa) {
		var diffs []string
		for i := range ga {
			diffs = append(diffs, jsonDiff(fmt.Sprintf("%s[%d]", path, i), ga[i], wa[i])...)
		}
		return diffs
	}
	if reflect.DeepEqual(got, want) {
		return nil
	}
	return []string{fmt.Sprintf("%s: got %s, want %s", path, show(got), show(want))}
}

func show(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

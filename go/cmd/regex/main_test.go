// Checks every pattern of workloads/regex/README.md on a hand-made haystack
// against testdata/expected.py, an independent reference in Python.
package main

import (
	"strings"
	"testing"

	"claimbench/internal/batch/batchtest"
)

func TestMain(m *testing.M) { batchtest.MainOrTests(m, main) }

// Printed by `python3 testdata/expected.py` (pattern, captures, checksum).
const want = `
Sherlock	false	matches=1 match_bytes=8
Sherlock	true	matches=1 match_bytes=8 group_bytes=0
Sherlock|Watson|Adler|Lestrade|Moriarty|Hudson	false	matches=7 match_bytes=47
Sherlock|Watson|Adler|Lestrade|Moriarty|Hudson	true	matches=7 match_bytes=47 group_bytes=0
(?i)sherlock	false	matches=8 match_bytes=67
(?i)sherlock	true	matches=8 match_bytes=67 group_bytes=0
[a-zA-Z]+ing	false	matches=8 match_bytes=46
[a-zA-Z]+ing	true	matches=8 match_bytes=46 group_bytes=0
\p{Greek}+|\p{Cyrillic}+	false	matches=10 match_bytes=101
\p{Greek}+|\p{Cyrillic}+	true	matches=10 match_bytes=101 group_bytes=0
\b[a-z]{4}\b	false	matches=23 match_bytes=92
\b[a-z]{4}\b	true	matches=23 match_bytes=92 group_bytes=0
([0-9]{4})-([0-9]{2})-([0-9]{2})	false	matches=2 match_bytes=20
([0-9]{4})-([0-9]{2})-([0-9]{2})	true	matches=2 match_bytes=20 group_bytes=16
[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}	false	matches=2 match_bytes=51
[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}	true	matches=2 match_bytes=51 group_bytes=0
https?://[a-zA-Z0-9.-]+(/[a-zA-Z0-9._~%/-]*)?	false	matches=4 match_bytes=98
https?://[a-zA-Z0-9.-]+(/[a-zA-Z0-9._~%/-]*)?	true	matches=4 match_bytes=98 group_bytes=23
`

func TestChecksums(t *testing.T) {
	for _, row := range strings.Split(strings.TrimSpace(want), "\n") {
		f := strings.Split(row, "\t")
		pattern, captures, sum := f[0], f[1], f[2]
		got := batchtest.Checksums(t, tasks, "--task", "count", "--input", "testdata/haystack.txt",
			"--param", "pattern="+pattern, "--param", "captures="+captures, "--warmup", "1", "--iterations", "1")
		if len(got) != 2 || got[0] != sum || got[1] != sum {
			t.Errorf("pattern %s captures=%s: checksums %q, want %q twice", pattern, captures, got, sum)
		}
	}
}

func TestCompileLines(t *testing.T) {
	out := batchtest.Exec(t, "--task", "count", "--input", "testdata/haystack.txt",
		"--param", "pattern=Sherlock", "--warmup", "0", "--iterations", "1")
	if out.Code != 0 {
		t.Fatalf("exit %d: %s", out.Code, out.Stderr)
	}
	compiles := 0
	for _, l := range batchtest.Parse(t, out.Stdout) {
		if l["phase"] == "compile" {
			compiles++
		}
	}
	if compiles != 10 {
		t.Errorf("%d compile lines, want 10", compiles)
	}
}

func TestUsageErrors(t *testing.T) {
	base := []string{"--task", "count", "--input", "testdata/haystack.txt", "--warmup", "0", "--iterations", "1"}
	for _, extra := range [][]string{
		{},                               // no pattern
		{"--param", "pattern=(unclosed"}, // does not compile
		{"--param", "pattern=a", "--param", "captures=yes"},
		{"--param", "pattern=a", "--param", "flags=i"},
	} {
		args := append(append([]string{}, base...), extra...)
		if out := batchtest.Exec(t, args...); out.Code != 2 || out.Stdout != "" || out.Stderr == "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2, nothing, a message", args, out.Code, out.Stdout, out.Stderr)
		}
	}
}

// Checks the pipeline on hand-made events (every kind of invalid line) against
// testdata/expected.py, an independent reference in Python, and idle-tasks' line.
package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claimbench/internal/batch/batchtest"
)

func TestMain(m *testing.M) { batchtest.MainOrTests(m, main) }

// Printed by `python3 testdata/expected.py`.
const eventsSum = "valid=6 invalid=14 users=4 value_sum=1123456844 user_hash=1394648405258827940"

func TestPipeline(t *testing.T) {
	for _, params := range [][]string{
		{"--param", "workers=1", "--param", "capacity=1"},
		{"--param", "workers=4", "--param", "capacity=2"},
		{"--param", "workers=2"},
		{},
	} {
		args := append([]string{"--task", "pipeline", "--input", "testdata/events.jsonl",
			"--warmup", "1", "--iterations", "2"}, params...)
		got := batchtest.Checksums(t, tasks, args...)
		if len(got) != 3 {
			t.Errorf("%q: %d checksums, want 3", params, len(got))
		}
		for i, g := range got {
			if g != eventsSum {
				t.Errorf("%q iteration %d: %q, want %q", params, i, g, eventsSum)
			}
		}
	}
}

// Lines are split at '\n' only: a blank line in the middle is an invalid
// event, and the last line needs no '\n'.
func TestPipelineLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.jsonl")
	ev := `{"user":"u","kind":"buy","value":5,"ts":1}`
	if err := os.WriteFile(path, []byte(ev+"\n\n"+ev), 0o644); err != nil {
		t.Fatal(err)
	}
	// fnv1a64("u") = 0xaf63e84c860200f0; twice that, wrapping.
	want := "valid=2 invalid=1 users=1 value_sum=10 user_hash=6829656715680809440"
	got := batchtest.Checksums(t, tasks, "--task", "pipeline", "--input", path, "--warmup", "0", "--iterations", "1")
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestIdleTasks(t *testing.T) {
	out := batchtest.Exec(t, "--task", "idle-tasks", "--param", "count=1000", "--warmup", "0", "--iterations", "2")
	if out.Code != 0 {
		t.Fatalf("exit %d: %s", out.Code, out.Stderr)
	}
	n := 0
	for _, l := range batchtest.Parse(t, out.Stdout) {
		if l["phase"] != "measure" {
			continue
		}
		n++
		if l["checksum"] != "tasks=1000" {
			t.Errorf("checksum %v, want tasks=1000", l["checksum"])
		}
		for _, k := range []string{"rss_before", "rss_after"} {
			if v, ok := l[k].(json.Number); !ok || strings.ContainsAny(string(v), ".-") || v == "0" {
				t.Errorf("%s = %v, want a positive byte count", k, l[k])
			}
		}
		if _, ok := l["bytes_per_task"].(json.Number); !ok {
			t.Errorf("bytes_per_task = %v, want a number", l["bytes_per_task"])
		}
	}
	if n != 2 {
		t.Errorf("%d measure lines, want 2", n)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--task", "pipeline", "--warmup", "0", "--iterations", "1"},
		{"--task", "pipeline", "--input", "testdata/events.jsonl", "--param", "workers=0", "--warmup", "0", "--iterations", "1"},
		{"--task", "pipeline", "--input", "testdata/events.jsonl", "--param", "capacity=-5", "--warmup", "0", "--iterations", "1"},
		{"--task", "idle-tasks", "--param", "workers=2", "--warmup", "0", "--iterations", "1"},
		{"--task", "idle-tasks", "--param", "count=many", "--warmup", "0", "--iterations", "1"},
	} {
		if out := batchtest.Exec(t, args...); out.Code != 2 || out.Stdout != "" || out.Stderr == "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2, nothing, a message", args, out.Code, out.Stdout, out.Stderr)
		}
	}
}

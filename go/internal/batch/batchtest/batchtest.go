// Package batchtest runs batch runners in tests and checks that their output
// has the protocol's shape (workloads/batch-protocol.md).
package batchtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"claimbench/internal/batch"
)

// Line is one parsed output line; numbers stay json.Number so that a float
// where the protocol wants an integer is caught.
type Line map[string]any

// Output is what a run printed and returned.
type Output struct {
	Code   int
	Stdout string
	Stderr string
}

// Run runs tasks in process with args, stdin empty.
func Run(tasks map[string]batch.Task, args ...string) Output {
	var stdout, stderr bytes.Buffer
	code := batch.Run(args, tasks, strings.NewReader(""), &stdout, &stderr)
	return Output{code, stdout.String(), stderr.String()}
}

// Checksums runs tasks with args, requires success and a well-formed output
// of warmup+iterations lines, and returns the checksum of every iteration
// line (warmup ones first).
func Checksums(t *testing.T, tasks map[string]batch.Task, args ...string) []string {
	t.Helper()
	out := Run(tasks, args...)
	if out.Code != 0 {
		t.Fatalf("%q: exit %d, stderr %q", args, out.Code, out.Stderr)
	}
	var sums []string
	for _, l := range Parse(t, out.Stdout) {
		if c, ok := l["checksum"].(string); ok {
			sums = append(sums, c)
		}
	}
	return sums
}

// Parse parses stdout as JSON lines and checks the protocol's order: one
// setup, compile lines, warmup lines then measure lines each counting i from
// 0, one done; ns is a non-negative integer on every line but done.
func Parse(t *testing.T, stdout string) []Line {
	t.Helper()
	if !strings.HasSuffix(stdout, "\n") {
		t.Fatalf("output does not end with a newline: %q", stdout)
	}
	var lines []Line
	for _, text := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		d := json.NewDecoder(strings.NewReader(text))
		d.UseNumber()
		var l Line
		if err := d.Decode(&l); err != nil || d.More() {
			t.Fatalf("line %q is not one JSON object: %v", text, err)
		}
		lines = append(lines, l)
	}
	order := map[string]int{"setup": 0, "compile": 1, "warmup": 2, "measure": 3, "done": 4}
	last, next := -1, 0
	for n, l := range lines {
		phase, _ := l["phase"].(string)
		rank, ok := order[phase]
		if !ok || rank < last || (rank == last && (phase == "setup" || phase == "done")) {
			t.Fatalf("line %d %v is out of order", n, l)
		}
		if rank != last {
			next = 0
		}
		last = rank
		if phase == "setup" {
			requireInt(t, l, "input_bytes")
		}
		if phase != "done" {
			requireInt(t, l, "ns")
		}
		if phase == "warmup" || phase == "measure" {
			if i := requireInt(t, l, "i"); i != int64(next) {
				t.Fatalf("line %d %v: i = %d, want %d", n, l, i, next)
			}
			next++
			if _, ok := l["checksum"].(string); !ok {
				t.Fatalf("line %d %v has no string checksum", n, l)
			}
		}
	}
	if len(lines) == 0 || lines[0]["phase"] != "setup" || lines[len(lines)-1]["phase"] != "done" {
		t.Fatalf("output must start with setup and end with done: %v", lines)
	}
	return lines
}

func requireInt(t *testing.T, l Line, key string) int64 {
	t.Helper()
	n, ok := l[key].(json.Number)
	if !ok {
		t.Fatalf("%v: %s is not a number", l, key)
	}
	v, err := n.Int64()
	if err != nil || v < 0 {
		t.Fatalf("%v: %s is not a non-negative integer", l, key)
	}
	return v
}

const mainEnv = "CLAIMBENCH_BATCHTEST_MAIN"

// MainOrTests is a TestMain body: when the test binary was started by Exec it
// runs the package's main (which exits), otherwise the tests.
func MainOrTests(m *testing.M, main func()) {
	if os.Getenv(mainEnv) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// Exec runs the package's real main, as a process, with args: the exit status
// is the one the harness sees.
func Exec(t *testing.T, args ...string) Output {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), mainEnv+"=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("running %q: %v", args, err)
	}
	return Output{code, stdout.String(), stderr.String()}
}

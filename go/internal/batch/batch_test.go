// Tests the protocol on a fake task: flags, exit statuses, the lines and their order.
package batch_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"claimbench/internal/batch"
	"claimbench/internal/batch/batchtest"
)

type sum string

func (s sum) String() string { return string(s) }

// fake has task "echo", whose checksum is its word parameter, "=", and its input,
// and task "fail", which fails on its second iteration.
func fake() map[string]batch.Task {
	echo := batch.Task{
		Input:  true,
		Params: []batch.Param{{Key: "word", Default: "hi"}, {Key: "n", Required: true}},
		Setup: func(in []byte, p batch.Params) (batch.Work, error) {
			if _, err := p.Int("n", 1); err != nil {
				return batch.Work{}, err
			}
			return batch.Work{
				Iterate: func() (batch.Outcome, error) {
					return batch.Outcome{Checksum: sum(p["word"] + "=" + string(in))}, nil
				},
				Compile: func() error { return nil },
			}, nil
		},
	}
	calls := 0
	fail := batch.Task{Setup: func([]byte, batch.Params) (batch.Work, error) {
		return batch.Work{Iterate: func() (batch.Outcome, error) {
			calls++
			if calls == 2 {
				return batch.Outcome{}, errors.New("invariant broken")
			}
			return batch.Outcome{
				Checksum: sum(`a "quoted" \ sum`),
				Elapsed:  42 * time.Nanosecond,
				Extra:    []batch.Field{{Key: "rss_before", Value: 4096}, {Key: "bytes_per_task", Value: 2.5}},
			}, nil
		}}, nil
	}}
	return map[string]batch.Task{"echo": echo, "fail": fail}
}

func input(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "in.txt")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLines(t *testing.T) {
	in := input(t, "abc")
	out := batchtest.Run(fake(), "--task", "echo", "--input", in, "--param", "n=3",
		"--param", "word=x=y", "--warmup", "2", "--iterations", "3")
	if out.Code != 0 {
		t.Fatalf("exit %d: %s", out.Code, out.Stderr)
	}
	lines := batchtest.Parse(t, out.Stdout)
	var phases []string
	for _, l := range lines {
		phases = append(phases, l["phase"].(string))
		if c, ok := l["checksum"]; ok && c != "x=y=abc" {
			t.Errorf("checksum %q, want x=y=abc", c)
		}
	}
	want := "setup " + strings.Repeat("compile ", batch.CompileRuns) + "warmup warmup measure measure measure done"
	if got := strings.Join(phases, " "); got != want {
		t.Errorf("phases %q, want %q", got, want)
	}
	if got := fmt.Sprint(lines[0]["input_bytes"]); got != "3" {
		t.Errorf("input_bytes = %v, want 3", got)
	}
}

func TestExactLinesAndFailure(t *testing.T) {
	out := batchtest.Run(fake(), "--task", "fail", "--warmup", "0", "--iterations", "5")
	if out.Code != 1 || !strings.Contains(out.Stderr, "measure iteration 1: invariant broken") {
		t.Errorf("exit %d, stderr %q; want 1 naming the iteration", out.Code, out.Stderr)
	}
	lines := strings.Split(out.Stdout, "\n")
	if len(lines) != 3 || lines[2] != "" {
		t.Fatalf("stdout %q: want setup and one measure line, no done", out.Stdout)
	}
	want := `{"phase":"measure","i":0,"ns":42,"checksum":"a \"quoted\" \\ sum","rss_before":4096,"bytes_per_task":2.5}`
	if lines[1] != want {
		t.Errorf("line\n%s\nwant\n%s", lines[1], want)
	}
	if !strings.HasPrefix(lines[0], `{"phase":"setup","input_bytes":0,"ns":`) {
		t.Errorf("setup line %s", lines[0])
	}
}

func TestUsageErrors(t *testing.T) {
	in := input(t, "abc")
	ok := []string{"--task", "echo", "--input", in, "--param", "n=1", "--warmup", "0", "--iterations", "1"}
	if out := batchtest.Run(fake(), ok...); out.Code != 0 {
		t.Fatalf("%q: exit %d, %s", ok, out.Code, out.Stderr)
	}
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{append(ok, "--bogus"), "-bogus"},
		{append(ok, "extra"), `unexpected argument "extra"`},
		{append(ok, "--param", "colour=red"), `unknown --param key "colour"`},
		{append(ok, "--param", "word"), `"word" is not KEY=VALUE`},
		{append(ok, "--param", "n=2"), "--param n given twice"},
		{append(ok, "--iterations", "0"), "--iterations must be at least 1"},
		{append(ok, "--warmup", "-1"), "--warmup must be at least 0"},
		{append(ok, "--warmup", "x"), "-warmup"},
		{append(ok, "--task", "nope"), `unknown task "nope" (tasks: echo, fail)`},
		{[]string{"--task", "echo", "--input", in, "--param", "n=0", "--warmup", "0", "--iterations", "1"},
			"--param n=0 must be at least 1"},
		{[]string{"--task", "echo", "--input", in, "--warmup", "0", "--iterations", "1"}, "--param n=VALUE is required"},
		{[]string{"--task", "echo", "--param", "n=1", "--warmup", "0", "--iterations", "1"}, "needs --input"},
		{[]string{"--task", "echo", "--input", in + ".missing", "--param", "n=1", "--warmup", "0", "--iterations", "1"},
			"--input: open"},
		{[]string{"--task", "fail", "--input", in, "--warmup", "0", "--iterations", "1"}, "takes no --input"},
		{[]string{"--task", "fail", "--param", "n=1", "--warmup", "0", "--iterations", "1"}, "this task takes none"},
		{[]string{"--task", "fail", "--warmup", "0"}, "--iterations is required"},
		{[]string{"--warmup", "0", "--iterations", "1"}, "--task is required"},
	} {
		out := batchtest.Run(fake(), tc.args...)
		if out.Code != 2 || out.Stdout != "" || !strings.Contains(out.Stderr, "error: ") ||
			!strings.Contains(out.Stderr, tc.msg) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and a message with %q",
				tc.args, out.Code, out.Stdout, out.Stderr, tc.msg)
		}
	}
	if out := batchtest.Run(fake(), "-h"); out.Code != 0 || !strings.Contains(out.Stderr, "usage:") {
		t.Errorf("-h: exit %d, stderr %q", out.Code, out.Stderr)
	}
}

func TestHoldReadsStdinToEOF(t *testing.T) {
	args := []string{"--task", "fail", "--warmup", "0", "--iterations", "1"}
	for _, hold := range []bool{false, true} {
		stdin := strings.NewReader("the harness closes this pipe")
		var stdout, stderr strings.Builder
		a := args
		if hold {
			a = append(a, "--hold")
		}
		if code := batch.Run(a, fake(), stdin, &stdout, &stderr); code != 0 {
			t.Fatalf("hold=%v: exit %d, %s", hold, code, stderr.String())
		}
		if consumed := stdin.Len() == 0; consumed != hold {
			t.Errorf("hold=%v: stdin consumed = %v", hold, consumed)
		}
		if !strings.HasSuffix(stdout.String(), "{\"phase\":\"done\"}\n") {
			t.Errorf("hold=%v: stdout %q does not end with done", hold, stdout.String())
		}
	}
}

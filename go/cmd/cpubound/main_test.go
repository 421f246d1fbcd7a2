// Checks the kernels against the Benchmarks Game's published outputs, and the runner's exit statuses.
package main

import (
	"testing"

	"claimbench/internal/batch/batchtest"
)

func TestMain(m *testing.M) { batchtest.MainOrTests(m, main) }

func TestPublishedOutputs(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		// nbody.c and spectralnorm.c outputs for these sizes on benchmarksgame-team.pages.debian.net.
		{[]string{"--task", "nbody", "--param", "steps=1000"},
			"energy_before=-0.169075164 energy_after=-0.169087605"},
		{[]string{"--task", "spectral-norm", "--param", "n=100"}, "norm=1.274219991"},
		{[]string{"--task", "nbody", "--param", "steps=0"},
			"energy_before=-0.169075164 energy_after=-0.169075164"},
	} {
		args := append(tc.args, "--warmup", "1", "--iterations", "2")
		sums := batchtest.Checksums(t, tasks, args...)
		if len(sums) != 3 {
			t.Fatalf("%q: %d checksums, want 3", args, len(sums))
		}
		for _, got := range sums {
			if got != tc.want {
				t.Errorf("%q: checksum %q, want %q", args, got, tc.want)
			}
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--task", "nbody", "--param", "steps=10", "--warmup", "0", "--iterations", "1", "--bogus"},
		{"--task", "nbody", "--warmup", "0", "--iterations", "1"},
		{"--task", "nbody", "--param", "steps=x", "--warmup", "0", "--iterations", "1"},
		{"--task", "nbody", "--param", "steps=10", "--param", "n=3", "--warmup", "0", "--iterations", "1"},
		{"--task", "spectral-norm", "--param", "n=0", "--warmup", "0", "--iterations", "1"},
		{"--task", "mandelbrot", "--warmup", "0", "--iterations", "1"},
		{"--task", "nbody", "--param", "steps=10", "--input", "x", "--warmup", "0", "--iterations", "1"},
	} {
		if out := batchtest.Exec(t, args...); out.Code != 2 || out.Stdout != "" || out.Stderr == "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2, nothing, a message", args, out.Code, out.Stdout, out.Stderr)
		}
	}
}

func TestProcess(t *testing.T) {
	out := batchtest.Exec(t, "--task", "spectral-norm", "--param", "n=10", "--warmup", "0", "--iterations", "1")
	if out.Code != 0 {
		t.Fatalf("exit %d, stderr %q", out.Code, out.Stderr)
	}
	batchtest.Parse(t, out.Stdout)
}

// Package batch is the batch runner protocol (workloads/batch-protocol.md),
// written once for every Go runner: a runner declares its tasks and calls Main.
package batch

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"
)

// Task is one task of a workload.
type Task struct {
	Input  bool    // the task reads a corpus: --input is required (and refused otherwise)
	Params []Param // every --param key the task accepts
	// Setup prepares the work from the input (nil without one) and the
	// parameters; its time counts as setup. A bad parameter is a UsageError.
	Setup func(input []byte, p Params) (Work, error)
}

// Work is a prepared task.
type Work struct {
	// Iterate does the work once, from scratch, and returns what it produced.
	Iterate func() (Outcome, error)
	// Compile, when set, is a compile step apart from the work (regex); it is
	// run and timed CompileRuns times after setup, each a "compile" line.
	Compile func() error
}

// CompileRuns is how often a compile step is timed (workloads/regex/README.md).
const CompileRuns = 10

// Outcome is the result of one iteration.
type Outcome struct {
	// Checksum is formatted after the clock stops, so the timed work is
	// computing its figures, not printing them.
	Checksum fmt.Stringer
	// Elapsed, when not zero, replaces the runner's timing of the whole
	// iteration: for tasks whose figure is one phase of it (idle-tasks).
	Elapsed time.Duration
	Extra   []Field // extra numeric fields of the line
}

// Field is an extra numeric field of an iteration line.
type Field struct {
	Key   string
	Value float64
}

// Main runs the runner with the process's arguments and exits with its status.
func Main(tasks map[string]Task) {
	os.Exit(Run(os.Args[1:], tasks, os.Stdin, os.Stdout, os.Stderr))
}

// Run is the whole runner: it returns the exit status, 0 ok, 1 a failure of
// the work, 2 a usage error.
func Run(args []string, tasks map[string]Task, stdin io.Reader, stdout, stderr io.Writer) int {
	o, err := Parse(args, tasks)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(stderr, "%s\ntasks: %v\n", synopsis, Names(tasks))
		return 0
	}
	if err == nil {
		err = Execute(o, tasks[o.Task], stdin, stdout)
	}
	switch {
	case err == nil:
		return 0
	case IsUsage(err):
		fmt.Fprintf(stderr, "error: %v\n%s\n", err, synopsis)
		return 2
	default:
		fmt.Fprintf(stderr, "error: %v\n", err)
		return 1
	}
}

// Execute loads the input, sets the task up and runs its iterations, writing
// the protocol's lines to stdout.
func Execute(o Options, task Task, stdin io.Reader, stdout io.Writer) error {
	start := time.Now()
	var input []byte
	if task.Input {
		var err error
		if input, err = os.ReadFile(o.Input); err != nil {
			return Usagef("--input: %v", err)
		}
	}
	work, err := task.Setup(input, o.Params)
	if err != nil {
		return err
	}
	setup := time.Since(start)
	if err := emit(stdout, newLine("setup").int("input_bytes", int64(len(input))).ns(setup)); err != nil {
		return err
	}
	if work.Compile != nil {
		for range CompileRuns {
			start := time.Now()
			if err := work.Compile(); err != nil {
				return err
			}
			if err := emit(stdout, newLine("compile").ns(time.Since(start))); err != nil {
				return err
			}
		}
	}
	if err := iterate(stdout, "warmup", o.Warmup, work.Iterate); err != nil {
		return err
	}
	if err := iterate(stdout, "measure", o.Iterations, work.Iterate); err != nil {
		return err
	}
	if err := emit(stdout, newLine("done")); err != nil {
		return err
	}
	if o.Hold {
		// The harness reads VmHWM and CPU time from /proc while this process
		// is alive, then closes the pipe.
		if _, err := io.Copy(io.Discard, stdin); err != nil {
			return fmt.Errorf("--hold: reading stdin: %w", err)
		}
	}
	return nil
}

func iterate(w io.Writer, phase string, n int, run func() (Outcome, error)) error {
	for i := range n {
		start := time.Now()
		out, err := run()
		elapsed := time.Since(start)
		if err != nil {
			return fmt.Errorf("%s iteration %d: %w", phase, i, err)
		}
		if out.Elapsed != 0 {
			elapsed = out.Elapsed
		}
		l := newLine(phase).int("i", int64(i)).ns(elapsed).str("checksum", out.Checksum.String())
		for _, f := range out.Extra {
			l.float(f.Key, f.Value)
		}
		if err := emit(w, l); err != nil {
			return err
		}
	}
	return nil
}

// emit writes one whole line in a single Write: on os.Stdout, which Go does
// not buffer, that is the flush after every line the protocol asks for.
func emit(w io.Writer, l *line) error {
	if _, err := w.Write(l.end()); err != nil {
		return fmt.Errorf("writing stdout: %w", err)
	}
	return nil
}

// Checks every task's checksum on hand-made corpora against testdata/expected.py,
// an independent reference in Python.
package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claimbench/internal/batch/batchtest"
)

func TestMain(m *testing.M) { batchtest.MainOrTests(m, main) }

// Printed by `python3 testdata/expected.py`.
var want = map[string]string{
	"tweets-typed":  "statuses=3 id_sum=9738254160205332481 user_id_sum=9007200441016115 text_bytes=103 counts=1000281 verified=2 replies=2 hashtags=3 hashtag_bytes=17 indices_sum=73 max_id=18446744073709551615",
	"tweets-dom":    "objects=16 arrays=11 keys=82 key_bytes=675 strings=34 string_bytes=408 ints=28 int_sum=10253136284743165126 floats=3 float_bits=4633399795690194417 true=2 false=1 null=3",
	"geo-typed":     "features=2 rings=3 points=10 coord_bits=4729352293110446684 name_bytes=34",
	"geo-dom":       "objects=7 arrays=16 keys=14 key_bytes=94 strings=7 string_bytes=79 ints=0 int_sum=0 floats=20 float_bits=4729352293110446684 true=0 false=0 null=0",
	"catalog-typed": "events=2 event_id_sum=277172686 event_text_bytes=65 topic_ids=5 performances=2 price_amount_sum=156750 prices=2 areas=3 block_ids=4 area_names=3 area_name_bytes=67",
	"catalog-dom":   "objects=16 arrays=14 keys=63 key_bytes=529 strings=13 string_bytes=257 ints=28 int_sum=2751321295540 floats=0 float_bits=0 true=0 false=0 null=11",
}

func TestChecksums(t *testing.T) {
	for task, sum := range want {
		corpus, _, _ := strings.Cut(task, "-")
		in := filepath.Join("testdata", corpus+".json")
		got := batchtest.Checksums(t, tasks, "--task", task, "--input", in, "--warmup", "1", "--iterations", "2")
		for i, g := range got {
			if g != sum {
				t.Errorf("%s: iteration %d checksum\n%s\nwant\n%s", task, i, g, sum)
			}
		}
		if len(got) != 3 {
			t.Errorf("%s: %d checksums, want 3", task, len(got))
		}
	}
}

func TestNegativeIntsWrap(t *testing.T) {
	c, err := dom([]byte(`[-1,-2,3,1.5e0,-0.0,true,false,null,{"k":"v"}]`))
	if err != nil {
		t.Fatal(err)
	}
	// -1 + -2 + 3 = 0; bits(1.5) = 0x3FF8000000000000; bits(-0.0) = 1<<63.
	want := "objects=1 arrays=1 keys=1 key_bytes=1 strings=1 string_bytes=1 ints=3 int_sum=0 " +
		"floats=2 float_bits=13832806255468478464 true=1 false=1 null=1"
	if c.String() != want {
		t.Errorf("got  %s\nwant %s", c, want)
	}
}

func TestBadInputFails(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"truncated.json": `{"statuses":[`,
		"trailing.json":  `{"statuses":[]} {}`,
		"bigint.json":    `[18446744073709551616]`,
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, task := range []string{"tweets-dom", "tweets-typed"} {
			if name == "bigint.json" && task == "tweets-typed" {
				continue
			}
			out := batchtest.Run(tasks, "--task", task, "--input", path, "--warmup", "0", "--iterations", "1")
			if out.Code != 1 || strings.Contains(out.Stdout, `"done"`) {
				t.Errorf("%s on %s: exit %d, stdout %q; want 1 and no done line", task, name, out.Code, out.Stdout)
			}
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--task", "geo-dom", "--warmup", "0", "--iterations", "1"},
		{"--task", "geo-dom", "--input", "testdata/none.json", "--warmup", "0", "--iterations", "1"},
		{"--task", "geo-dom", "--input", "testdata/geo.json", "--param", "x=1", "--warmup", "0", "--iterations", "1"},
		{"--task", "geo-dom", "--input", "testdata/geo.json", "--warmup", "0", "--iterations", "1", "--fast"},
	} {
		if out := batchtest.Exec(t, args...); out.Code != 2 || out.Stdout != "" {
			t.Errorf("%q: exit %d, stdout %q; want 2 and no output", args, out.Code, out.Stdout)
		}
	}
}

// Command hello-nethttp is the smallest idiomatic net/http server. claimbench reports
// its lines of code, build times, binary size and startup (workload hello-world).
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("Hello, World!"))
	})
	log.Fatal(http.ListenAndServe("127.0.0.1:"+os.Getenv("PORT"), nil))
}

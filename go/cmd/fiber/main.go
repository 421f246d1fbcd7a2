// Command fiber serves claimbench's HTTP workloads on Fiber v2 (fasthttp).
package main

import (
	"os"

	"claimbench/internal/fiberapp"
	"claimbench/internal/serve"
)

func main() {
	os.Exit(serve.Run(fiberapp.Server{App: fiberapp.New()}))
}

// The cost of the password hash that sign-in is built around (argon2id, libsodium's
// interactive limits), for comparison with the sign-in latency that bench/sign-in-bench.sh
// measures over HTTP.

#include <benchmark/benchmark.h>

#include "core/auth/secrets.h"

namespace {

void BM_VerifyPassword(benchmark::State& state) {
  std::string hash = *entente::auth::HashPassword("entente-demo-2014");
  for (auto _ : state) benchmark::DoNotOptimize(entente::auth::VerifyPassword("entente-demo-2014", hash));
}
BENCHMARK(BM_VerifyPassword)->Unit(benchmark::kMillisecond)->Iterations(20)->Repetitions(3)->ReportAggregatesOnly(true);

void BM_HashToken(benchmark::State& state) {
  std::string token = entente::auth::NewToken();
  for (auto _ : state) benchmark::DoNotOptimize(entente::auth::HashToken(token));
}
BENCHMARK(BM_HashToken);

}  // namespace

BENCHMARK_MAIN();

# Sourced by the launchers (flowcast, flowcast-spark). ND4J's OpenBLAS (0.3.19) reads an AMD Zen 4 or 5 as "Zen" and runs its AVX2 (Haswell) kernels on a CPU
# that has AVX-512. Where the CPU has every AVX-512 subset OpenBLAS's SkylakeX kernels use, they are chosen:
# training ran 25-40% faster with them on the 2-core AMD EPYC this project is measured on (STID 1,850 -> 2,400
# samples/s, the Conv-LSTM 2,200 -> 2,850-3,150; docs/benchmarks.md). Products round differently from one kernel
# to another, so a fixed seed repeats its forecast on one machine, not across CPUs. The user's setting wins.
if [ -z "${OPENBLAS_CORETYPE:-}" ] && [ -r /proc/cpuinfo ]; then
  cpu_flags=" $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2) "
  skylakex=yes
  for flag in avx512f avx512dq avx512cd avx512bw avx512vl; do
    case "$cpu_flags" in *" $flag "*) ;; *) skylakex=no ;; esac
  done
  [ "$skylakex" = yes ] && export OPENBLAS_CORETYPE=SKYLAKEX
fi

// How many threads a run uses by default. Internal to the library.
#ifndef ACTORGRAPH_SRC_PIPELINE_CPUS_H_
#define ACTORGRAPH_SRC_PIPELINE_CPUS_H_

#include <string>

namespace actorgraph::internal {

// The CPUs this process may run on: its affinity mask (taskset, a container's cpuset),
// no more than its cgroup v2 CPU quota allows (docker --cpus); the machine's cores when
// the mask cannot be read. At least 1.
int UsableCpus();

// The whole CPUs a cgroup v2 cpu.max line allows, rounded up ("150000 100000": 2), or 0
// for no quota ("max 100000") or a line that is none.
int CpusOfCpuMax(const std::string& cpu_max);

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_PIPELINE_CPUS_H_

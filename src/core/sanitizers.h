// Which sanitizers the code is built with, for the few places whose behaviour must differ
// under them: gcc says so by macros, clang by __has_feature.
#ifndef ACTORGRAPH_SRC_CORE_SANITIZERS_H_
#define ACTORGRAPH_SRC_CORE_SANITIZERS_H_

#if defined(__has_feature)
#define ACTORGRAPH_HAS_FEATURE(feature) __has_feature(feature)
#else
#define ACTORGRAPH_HAS_FEATURE(feature) 0
#endif

namespace actorgraph::internal {

#if defined(__SANITIZE_ADDRESS__) || ACTORGRAPH_HAS_FEATURE(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif

#if defined(__SANITIZE_THREAD__) || ACTORGRAPH_HAS_FEATURE(thread_sanitizer)
inline constexpr bool kThreadSanitizer = true;
#else
inline constexpr bool kThreadSanitizer = false;
#endif

}  // namespace actorgraph::internal

#undef ACTORGRAPH_HAS_FEATURE

#endif  // ACTORGRAPH_SRC_CORE_SANITIZERS_H_

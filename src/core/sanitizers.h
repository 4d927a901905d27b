// Which sanitizers the code is built with, for the few places whose behaviour must differ
// under them: gcc says so by macros, clang by __has_feature.
#ifndef ACTORGRAPH_SRC_CORE_SANITIZERS_H_
#define ACTORGRAPH_SRC_CORE_SANITIZERS_H_

namespace actorgraph::internal {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

#if defined(__SANITIZE_THREAD__)
inline constexpr bool kThreadSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
inline constexpr bool kThreadSanitizer = true;
#else
inline constexpr bool kThreadSanitizer = false;
#endif
#else
inline constexpr bool kThreadSanitizer = false;
#endif

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_CORE_SANITIZERS_H_

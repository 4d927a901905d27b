// The one Catch2 translation unit that defines main (Catch2 2.x has no Catch2WithMain).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

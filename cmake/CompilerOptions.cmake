# The one options target every Cobranza target links: language level, warnings, Qt defines.
add_library(cobranza_options INTERFACE)
target_compile_features(cobranza_options INTERFACE cxx_std_20)
target_compile_options(cobranza_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual)
target_compile_definitions(cobranza_options INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_DISABLE_DEPRECATED_UP_TO=0x060400
  COBRANZA_VERSION="${PROJECT_VERSION}")

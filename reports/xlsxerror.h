#pragma once

#include <QString>

#include <xlsxwriter.h>

namespace cobranza {

// A libxlsxwriter error as staff read it: the likely cause in Spanish, then the library's own
// words for support. For the reports' own .cpp files: libxlsxwriter is a private dependency.
QString xlsxErrorText(lxw_error error);

} // namespace cobranza

#pragma once

namespace cobranza {

// Whether coordinates fall in Ecuador, Galápagos included, with a little margin: the one rule the
// import (coordinates outside are a warning) and the branch settings (refused) share.
inline bool insideEcuador(double latitude, double longitude)
{
    return latitude >= -5.1 && latitude <= 1.7 && longitude >= -92.2 && longitude <= -75.1;
}

} // namespace cobranza

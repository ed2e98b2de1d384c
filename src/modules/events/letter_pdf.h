#pragma once
// PDF documents of the events module drawn with cairo and pango (Noto Sans from
// fonts-noto-core covers Latin, Cyrillic and the Kazakh letters): the invitation letter in the
// invitee's language and a participant's agenda.

#include <string>
#include <vector>

namespace entente::events {

// A simple A4 document: a heading, then paragraphs (each may be several lines), then an
// optional signature block. Texts are already translated and formatted by the caller.
struct PdfDocument {
  std::string language;  // for pango's shaping and hyphenation ("ru")
  std::string heading;
  std::vector<std::string> paragraphs;
  std::vector<std::string> signature;
  std::string footer;
};

// The PDF bytes. Throws only on an infrastructure fault (cairo out of memory).
std::string RenderPdf(const PdfDocument& document);

}  // namespace entente::events

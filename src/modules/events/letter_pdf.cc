#include "modules/events/letter_pdf.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <memory>
#include <stdexcept>

namespace entente::events {
namespace {

constexpr double kPageWidth = 595.28;  // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 64;

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

class Writer {
 public:
  Writer(cairo_t* cairo, const std::string& language) : cairo_(cairo), language_(language) {}

  // Draws `text` at the cursor, wrapping to the text width; starts a new page when needed.
  void Paragraph(const std::string& text, const char* font, double space_after) {
    PangoLayout* layout = pango_cairo_create_layout(cairo_);
    PangoFontDescription* description = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout, description);
    pango_font_description_free(description);
    PangoLanguage* language = pango_language_from_string(language_.c_str());
    PangoAttrList* attributes = pango_attr_list_new();
    pango_attr_list_insert(attributes, pango_attr_language_new(language));
    pango_layout_set_attributes(layout, attributes);
    pango_attr_list_unref(attributes);
    pango_layout_set_width(layout, static_cast<int>((kPageWidth - 2 * kMargin) * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout, text.c_str(), -1);
    int width = 0, height = 0;
    pango_layout_get_size(layout, &width, &height);
    double points = static_cast<double>(height) / PANGO_SCALE;
    if (y_ + points > kPageHeight - kMargin && y_ > kMargin) {
      cairo_show_page(cairo_);
      y_ = kMargin;
    }
    cairo_move_to(cairo_, kMargin, y_);
    pango_cairo_show_layout(cairo_, layout);
    g_object_unref(layout);
    y_ += points + space_after;
  }

 private:
  cairo_t* cairo_;
  std::string language_;
  double y_ = kMargin;
};

}  // namespace

std::string RenderPdf(const PdfDocument& document) {
  std::string bytes;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(Append, &bytes, kPageWidth, kPageHeight);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    throw std::runtime_error("cairo could not create a PDF surface");
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.heading.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Entente");
  cairo_t* cairo = cairo_create(surface);
  cairo_set_source_rgb(cairo, 0.1, 0.1, 0.12);
  {
    Writer writer(cairo, document.language.empty() ? "en" : document.language);
    writer.Paragraph(document.heading, "Noto Sans Bold 16", 18);
    for (const auto& paragraph : document.paragraphs) writer.Paragraph(paragraph, "Noto Sans 11", 10);
    if (!document.signature.empty()) {
      std::string block;
      for (const auto& line : document.signature) block += (block.empty() ? "" : "\n") + line;
      writer.Paragraph(block, "Noto Sans 11", 18);
    }
    if (!document.footer.empty()) writer.Paragraph(document.footer, "Noto Sans 8", 0);
  }
  cairo_destroy(cairo);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cairo could not write the PDF");
  return bytes;
}

}  // namespace entente::events

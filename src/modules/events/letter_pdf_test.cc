#include "modules/events/letter_pdf.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace entente::events {
namespace {

TEST(LetterPdfTest, RendersCyrillicAndKazakhText) {
  PdfDocument document{
      "ru",
      "Приглашение",
      {"Уважаемые коллеги, Алматинская городская коллегия адвокатов.", "Қазақ тілі: ә ғ қ ң ө ұ ү һ і"},
      {"Пьер-Оливье Сюр"},
      "Entente"};
  std::string pdf = RenderPdf(document);
  ASSERT_GT(pdf.size(), 1000u);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  // pdftotext (poppler-utils), when present, reads the words back.
  if (std::system("command -v pdftotext > /dev/null 2>&1") != 0) GTEST_SKIP() << "pdftotext not installed";
  auto path = std::filesystem::temp_directory_path() / "entente-letter-test.pdf";
  std::ofstream(path, std::ios::binary) << pdf;
  std::string command = "pdftotext -enc UTF-8 " + path.string() + " - 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string text;
  char buffer[512];
  while (fgets(buffer, sizeof buffer, pipe)) text += buffer;
  pclose(pipe);
  EXPECT_NE(text.find("Приглашение"), std::string::npos) << text;
  EXPECT_NE(text.find("қ"), std::string::npos) << text;
}

}  // namespace
}  // namespace entente::events

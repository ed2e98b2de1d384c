#include "modules/directory/synthetic.h"

#include <array>
#include <cstdint>

#include <fmt/format.h>

#include "core/auth/actor.h"

namespace entente::directory {
namespace {

// SplitMix64: a small, well-mixed, fully specified generator.
std::uint64_t Mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

struct KazakhName {
  const char* cyrillic;
  const char* latin;   // passport spelling
  const char* latin2;  // another spelling people use
};

constexpr std::array<KazakhName, 32> kKazakhGiven = {{
    {"Ардақ", "Ardak", "Ardaq"},       {"Бақыт", "Bakyt", "Bakhyt"},
    {"Жандос", "Zhandos", "Jandos"},   {"Құралай", "Kuralai", "Kuralay"},
    {"Мақсат", "Maksat", "Maqsat"},    {"Нұржан", "Nurzhan", "Nourjan"},
    {"Серік", "Serik", "Serick"},      {"Айжан", "Aizhan", "Ayzhan"},
    {"Ғалия", "Galiya", "Ghalia"},     {"Ерболат", "Yerbolat", "Erbolat"},
    {"Санжар", "Sanzhar", "Sanjar"},   {"Әсем", "Assem", "Asem"},
    {"Дәурен", "Dauren", "Dowren"},    {"Ұлжан", "Ulzhan", "Oulzhan"},
    {"Тоғжан", "Togzhan", "Toghzhan"}, {"Қуаныш", "Kuanysh", "Quanysh"},
    {"Данияр", "Daniyar", "Daniar"},   {"Айгерим", "Aigerim", "Aygerim"},
    {"Нурлан", "Nurlan", "Nourlan"},   {"Әлия", "Aliya", "Aliia"},
    {"Ерлан", "Yerlan", "Erlan"},      {"Мадина", "Madina", "Madina"},
    {"Қайрат", "Kairat", "Qairat"},    {"Жанар", "Zhanar", "Janar"},
    {"Асель", "Assel", "Asel"},        {"Бауыржан", "Bauyrzhan", "Baurzhan"},
    {"Гүлнар", "Gulnar", "Gulnara"},   {"Тимур", "Timur", "Temir"},
    {"Ғалым", "Galym", "Ghalym"},      {"Сәуле", "Saule", "Saoule"},
    {"Арман", "Arman", "Arman"},       {"Динара", "Dinara", "Dinara"},
}};

constexpr std::array<KazakhName, 32> kKazakhFamily = {{
    {"Сүлейменов", "Suleimenov", "Suleymenov"},
    {"Қалиев", "Kaliyev", "Kaliev"},
    {"Тұрсынов", "Tursynov", "Toursynov"},
    {"Байжанов", "Baizhanov", "Bayzhanov"},
    {"Есенова", "Yessenova", "Esenova"},
    {"Шәріпов", "Sharipov", "Charipov"},
    {"Мұратов", "Muratov", "Mouratov"},
    {"Ғабдуллин", "Gabdullin", "Ghabdullin"},
    {"Нұрпейісов", "Nurpeisov", "Nurpeyisov"},
    {"Жақыпов", "Zhakypov", "Jakypov"},
    {"Әлиев", "Aliyev", "Aliev"},
    {"Ыбыраев", "Ybyraev", "Ibirayev"},
    {"Дүйсенов", "Duisenov", "Duysenov"},
    {"Құдайбергенов", "Kudaibergenov", "Kudaybergenov"},
    {"Рахимов", "Rakhimov", "Rahimov"},
    {"Төлеуов", "Toleuov", "Toleuov"},
    {"Канафин", "Kanafin", "Kanafine"},
    {"Алимбаев", "Alimbaev", "Alimbayev"},
    {"Нұрланов", "Nurlanov", "Nourlanov"},
    {"Сейтқазин", "Seitkazin", "Seytkazin"},
    {"Жұмабаев", "Zhumabaev", "Jumabaev"},
    {"Омаров", "Omarov", "Omarov"},
    {"Қасымов", "Kassymov", "Kasymov"},
    {"Әбенов", "Abenov", "Abenov"},
    {"Тоқаев", "Tokaev", "Tokayev"},
    {"Бекмұхамбетов", "Bekmukhambetov", "Bekmuhambetov"},
    {"Ахметов", "Akhmetov", "Ahmetov"},
    {"Садықов", "Sadykov", "Sadikov"},
    {"Ержанов", "Yerzhanov", "Erzhanov"},
    {"Мұқанов", "Mukanov", "Moukanov"},
    {"Исаев", "Issayev", "Isaev"},
    {"Оспанов", "Ospanov", "Ospanov"},
}};

constexpr std::array<const char*, 24> kFrenchGiven = {"Camille",  "Louis",   "Hélène", "François", "Chloé",  "Jérôme",
                                                      "Marie",    "Jean",    "Anaïs",  "Étienne",  "Léa",    "Noël",
                                                      "Zoé",      "Benoît",  "Inès",   "Grégoire", "Sophie", "Thomas",
                                                      "Juliette", "Mathieu", "Céline", "Antoine",  "Elsa",   "Hugo"};
constexpr std::array<const char*, 24> kFrenchFamily = {
    "Dupont",   "Moreau",    "Lefèvre",  "Bérenger", "Faure",    "Giraud",    "Roussel",  "Mercier",
    "Sûr",      "Chevalier", "Fontaine", "Leroy",    "Boucher",  "Garnier",   "Lemaître", "Perrin",
    "Rousseau", "Blanchard", "Guérin",   "Lambert",  "Bonnaire", "Delacroix", "Morel",    "Vasseur"};
// French names as a Russian-speaking clerk writes them.
constexpr std::array<const char*, 24> kFrenchFamilyCyrillic = {
    "Дюпон", "Моро",    "Лефевр", "Беранже", "Фор",    "Жиро",     "Руссель", "Мерсье",
    "Сюр",   "Шевалье", "Фонтен", "Леруа",   "Буше",   "Гарнье",   "Леметр",  "Перрен",
    "Руссо", "Бланшар", "Герен",  "Ламбер",  "Боннер", "Делакруа", "Морель",  "Вассёр"};

constexpr std::array<const char*, 6> kKazakhCities = {"Almaty", "Astana", "Shymkent", "Karaganda", "Aktobe", "Atyrau"};
constexpr std::array<const char*, 5> kFrenchCities = {"Paris", "Lyon", "Marseille", "Bordeaux", "Lille"};
constexpr std::array<const char*, 8> kAreas = {"arbitration", "commercial law", "criminal law", "family law",
                                               "tax law",     "labour law",     "human rights", "corporate law"};

template <typename Array>
const auto& Pick(const Array& array, std::uint64_t value) {
  return array[value % array.size()];
}

}  // namespace

PeopleStore::RollEntry SyntheticEntry(size_t index) {
  std::uint64_t r = Mix(index + 1);
  bool kazakh = index % 3 != 0;  // two in three on the Kazakh roll
  PeopleStore::RollEntry entry;
  PersonInput& person = entry.person;
  person.synthetic = true;
  person.gender = (r >> 7) % 2 ? "female" : "male";
  if (kazakh) {
    const auto& given = Pick(kKazakhGiven, r >> 11);
    const auto& family = Pick(kKazakhFamily, r >> 19);
    std::string cyrillic = fmt::format("{} {}", given.cyrillic, family.cyrillic);
    // The roll writes some names in Cyrillic, some in Latin; the other script is a variant.
    if ((r >> 27) % 2) {
      person.names.push_back({cyrillic, NameScript::kCyrillic, NameKind::kAsWritten, "kk", ""});
      person.names.push_back(
          {fmt::format("{} {}", given.latin, family.latin), NameScript::kLatin, NameKind::kPassport, "", ""});
    } else {
      person.names.push_back(
          {fmt::format("{} {}", given.latin2, family.latin2), NameScript::kLatin, NameKind::kAsWritten, "", ""});
      person.names.push_back({cyrillic, NameScript::kCyrillic, NameKind::kTransliterated, "ru", ""});
    }
    person.city = Pick(kKazakhCities, r >> 31);
    person.languages =
        (r >> 35) % 4 == 0 ? std::vector<std::string>{"en", "kk", "ru"} : std::vector<std::string>{"kk", "ru"};
  } else {
    size_t family = (r >> 19) % kFrenchFamily.size();
    person.names.push_back({fmt::format("{} {}", Pick(kFrenchGiven, r >> 11), kFrenchFamily[family]),
                            NameScript::kLatin, NameKind::kAsWritten, "fr", ""});
    if ((r >> 27) % 4 == 0) {
      person.names.push_back(
          {kFrenchFamilyCyrillic[family], NameScript::kCyrillic, NameKind::kTransliterated, "ru", ""});
    }
    person.city = Pick(kFrenchCities, r >> 31);
    person.languages = (r >> 35) % 3 == 0 ? std::vector<std::string>{"en", "fr"} : std::vector<std::string>{"fr"};
  }
  person.practice_areas = {Pick(kAreas, r >> 39)};
  if ((r >> 43) % 3 == 0) person.practice_areas.push_back(Pick(kAreas, r >> 47));
  entry.roll_number = fmt::format("{}-{:07d}", kazakh ? "KZ" : "FR", index + 1);
  person.slug = fmt::format("synthetic-{:07d}", index + 1);
  entry.admitted_on = PartialDate::Year(std::chrono::year(1985 + static_cast<int>((r >> 51) % 40)));
  std::uint64_t status = (r >> 57) % 50;
  entry.status = status == 0   ? MembershipStatus::kSuspended
                 : status == 1 ? MembershipStatus::kFormer
                 : status == 2 ? MembershipStatus::kHonorary
                               : MembershipStatus::kActive;
  return entry;
}

Status SeedSynthetic(OrganizationService& organizations, RollService& roll, size_t members,
                     const std::function<void(size_t, size_t)>& progress) {
  auto actor = auth::Actor::System("seed-synthetic");
  for (const auto& [slug, city, country, en, fr] :
       {std::tuple{"synthetic-bar-kz", "Almaty", "KZ", "Synthetic roll, Kazakhstan (test data)",
                   "Tableau fictif, Kazakhstan (données de test)"},
        std::tuple{"synthetic-bar-fr", "Paris", "FR", "Synthetic roll, France (test data)",
                   "Tableau fictif, France (données de test)"}}) {
    OrganizationInput bar;
    bar.slug = slug;
    bar.kind = "bar";
    bar.city = city;
    bar.country_code = country;
    bar.jurisdiction = country;
    bar.name.SetOriginal("en", en);
    bar.name.SetTranslation("fr", fr);
    if (auto saved = organizations.Save(actor, bar); !saved) return Fail(saved.error());
  }
  constexpr size_t kChunk = 50'000;
  size_t done = 0;
  for (size_t begin = 0; begin < members; begin += kChunk) {
    size_t end = std::min(members, begin + kChunk);
    std::vector<PeopleStore::RollEntry> kazakh, french;
    for (size_t i = begin; i < end; ++i) (i % 3 != 0 ? kazakh : french).push_back(SyntheticEntry(i));
    for (auto& [slug, entries] : {std::pair{"synthetic-bar-kz", &kazakh}, std::pair{"synthetic-bar-fr", &french}}) {
      size_t count = entries->size();
      if (auto written = roll.Write(actor, slug, std::move(*entries)); !written) return Fail(written.error());
      done += count;
      if (progress) progress(done, members);
    }
  }
  return {};
}

}  // namespace entente::directory

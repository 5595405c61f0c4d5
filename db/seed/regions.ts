import type { regions } from "../schema";

/**
 * Kazakhstan's 17 regions (облыстар / области) and 3 cities of republican
 * significance, as of the 2022 reform that created Abai, Jetisu and Ulytau.
 *
 * `residents` feeds the percentage thresholds for regional akimats (1%) and
 * maslikhats (2%). The figures are APPROXIMATE: the resident population on
 * 1 January 2025 after the Bureau of National Statistics (stat.gov.kz), rounded
 * to thousands (the national total that day was about 20.28 million). They are
 * seed values only: an admin updates them (and `residentsAsOf`) from the
 * Bureau's latest release.
 *
 * `code` is a stable slug used in URLs, settings and foreign keys; never rename it.
 */
export const REGIONS: Array<typeof regions.$inferInsert> = [
  // Cities of republican significance
  {
    code: "astana",
    kind: "city",
    nameKk: "Астана қаласы",
    nameRu: "город Астана",
    nameEn: "Astana",
    residents: 1_529_000,
    residentsAsOf: "2025-01-01",
  },
  {
    code: "almaty-city",
    kind: "city",
    nameKk: "Алматы қаласы",
    nameRu: "город Алматы",
    nameEn: "Almaty",
    residents: 2_291_000,
    residentsAsOf: "2025-01-01",
  },
  {
    code: "shymkent",
    kind: "city",
    nameKk: "Шымкент қаласы",
    nameRu: "город Шымкент",
    nameEn: "Shymkent",
    residents: 1_256_000,
    residentsAsOf: "2025-01-01",
  },

  // Regions
  {
    code: "abai",
    kind: "region",
    nameKk: "Абай облысы",
    nameRu: "Абайская область",
    nameEn: "Abai Region",
    residents: 600_000,
    residentsAsOf: "2025-01-01",
  },
  {
    code: "akmola",
    kind: "region",
    nameKk: "Ақмола облысы",
    nameRu: "Акмолинская область",
    nameEn: "Akmola Region",
    residents: 788_000,
    residentsAsOf: "2025-01-01",
  },
  {
    code: "aktobe",
    kind: "region",
    nameKk: "Ақтөбе облысы",
    nameRu: "Актюбинская область",
    nameEn: "Aktobe Region",
    residents: 946_000,
    residentsAsOf: "2025-01-01",
  },
  {
    code: "almaty-region",
    kind: "region",
    nameKk: "Алматы облысы",
    nameRu: "Алматинская область",
    nameEn: "Almaty Region",
    residents: 1_561_000,
    residentsAsOf: "2025-01-01",
  },
  {
    code: "atyrau",
    kind: "region",
    nameKk: "Атырау облысы",
    nameRu: "Атырауская область",
    nameEn: "Atyrau Region",
    residents: 712_000,
    residentsAsOf: "2025-01-01",
  },
  {
    code: "east-kazakhstan",
    kind: "region",
    nameKk: "Шығыс Қазақстан облысы",
    nameRu: "Восточно-Казахстанская область",
    nameEn: "East Kazakhstan Region",
    residents: 707_000,
    residentsAsOf: "2025-01-01",
  },
  {
    code: "jambyl",
    kind: "region",
    nameKk: "Жамбыл облысы",
    nameRu: "Жамбылская область",
    nameEn: "Jambyl Region",
    residents: 1_222_000,
    residentsAsOf: "2025-01-01",
  },
  {
    code: "jetisu",
    kind: "region",
    nameKk: "Жетісу облысы",
    nameRu: "Жетысуская область",
    nameEn: "Jetisu Region",
    residents: 698_000,
    residentsAsOf: "2025-01-01",
  },
  {
    code: "karaganda",
    kind: "region",
    nameKk: "Қарағанды облысы",
    nameRu: "Карагандинская область",
    nameEn: "Karaganda Region",
    residents: 1_134_000,
    residentsAsOf: "2025-01-01",
  },
  {
    code: "kostanay",
    kind: "region",
    nameKk: "Қостанай облысы",
    nameRu: "Костанайская область",
    nameEn: "Kostanay Region",
    residents: 826_000,
    residentsAsOf: "2025-01-01",
  },
  {
    code: "kyzylorda",
    kind: "region",
    nameKk: "Қызылорда облысы",
    nameRu: "Кызылординская область",
    nameEn: "Kyzylorda Region",
    residents: 852_000,
    residentsAsOf: "2025-01-01",
  },
  {
    code: "mangystau",
    kind: "region",
    nameKk: "Маңғыстау облысы",
    nameRu: "Мангистауская область",
    nameEn: "Mangystau Region",
    residents: 805_000,
    residentsAsOf: "2025-01-01",
  },
  {
    code: "north-kazakhstan",
    kind: "region",
    nameKk: "Солтүстік Қазақстан облысы",
    nameRu: "Северо-Казахстанская область",
    nameEn: "North Kazakhstan Region",
    residents: 520_000,
    residentsAsOf: "2025-01-01",
  },
  {
    code: "pavlodar",
    kind: "region",
    nameKk: "Павлодар облысы",
    nameRu: "Павлодарская область",
    nameEn: "Pavlodar Region",
    residents: 750_000,
    residentsAsOf: "2025-01-01",
  },
  {
    code: "turkistan",
    kind: "region",
    nameKk: "Түркістан облысы",
    nameRu: "Туркестанская область",
    nameEn: "Turkistan Region",
    residents: 2_149_000,
    residentsAsOf: "2025-01-01",
  },
  {
    code: "ulytau",
    kind: "region",
    nameKk: "Ұлытау облысы",
    nameRu: "Улытауская область",
    nameEn: "Ulytau Region",
    residents: 221_000,
    residentsAsOf: "2025-01-01",
  },
  {
    code: "west-kazakhstan",
    kind: "region",
    nameKk: "Батыс Қазақстан облысы",
    nameRu: "Западно-Казахстанская область",
    nameEn: "West Kazakhstan Region",
    residents: 697_000,
    residentsAsOf: "2025-01-01",
  },
];

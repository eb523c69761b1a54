/**
 * java.time's zone names (JDK 17, as Spark 3.5.7 prints them with the pattern
 * letters `v`, `vvvv`, `z` and `zzzz`), recorded from Spark for every zone id
 * it knows. One line per distinct set of names: generic short|generic long
 * [|standard short|standard long[|daylight short|daylight long]], a tab, then the
 * zone ids. A line without standard names is a zone whose standard/daylight split
 * the recording could not tell apart (Africa/Casablanca, Africa/El_Aaiun,
 * Africa/Windhoek, Asia/Barnaul): `z` raises NotImplementedException there.
 */
export const JAVA_ZONE_NAMES = `
GMT|Greenwich Mean Time|GMT|Greenwich Mean Time	Africa/Abidjan,Africa/Bamako,Africa/Banjul,Africa/Bissau,Africa/Conakry,Africa/Dakar,Africa/Freetown,Africa/Lome,Africa/Monrovia,Africa/Nouakchott,Africa/Ouagadougou,Africa/Sao_Tome,Africa/Timbuktu,Atlantic/Reykjavik,Atlantic/St_Helena,Etc/GMT,Etc/GMT+0,Etc/GMT-0,Etc/GMT0,Etc/Greenwich,GMT,GMT0,Greenwich,Iceland
GMT|Ghana Mean Time|GMT|Greenwich Mean Time	Africa/Accra
EAT|Eastern Africa Time|EAT|East Africa Time	Africa/Addis_Ababa,Africa/Asmara,Africa/Asmera,Africa/Dar_es_Salaam,Africa/Djibouti,Africa/Kampala,Africa/Mogadishu,Africa/Nairobi,Indian/Antananarivo,Indian/Comoro,Indian/Mayotte
CET|Central European Time|CET|Central European Standard Time	Africa/Algiers,Africa/Tunis
WAT|West Africa Time|WAT|West Africa Standard Time	Africa/Bangui,Africa/Brazzaville,Africa/Douala,Africa/Kinshasa,Africa/Lagos,Africa/Libreville,Africa/Luanda,Africa/Malabo,Africa/Ndjamena,Africa/Niamey,Africa/Porto-Novo
CAT|Central Africa Time|CAT|Central Africa Time	Africa/Blantyre,Africa/Bujumbura,Africa/Gaborone,Africa/Harare,Africa/Juba,Africa/Khartoum,Africa/Kigali,Africa/Lubumbashi,Africa/Lusaka,Africa/Maputo
EET|Eastern European Time|EET|Eastern European Standard Time|EEST|Eastern European Summer Time	Africa/Cairo,Asia/Amman,Asia/Beirut,Asia/Damascus,Asia/Gaza,Asia/Hebron,Asia/Nicosia,Egypt,Europe/Athens,Europe/Bucharest,Europe/Chisinau,Europe/Helsinki,Europe/Kaliningrad,Europe/Kiev,Europe/Kyiv,Europe/Mariehamn,Europe/Nicosia,Europe/Riga,Europe/Sofia,Europe/Tallinn,Europe/Tiraspol,Europe/Uzhgorod,Europe/Vilnius,Europe/Zaporozhye
WET|Western European Time	Africa/Casablanca,Africa/El_Aaiun
CET|Central European Time|CET|Central European Standard Time|CEST|Central European Summer Time	Africa/Ceuta,Arctic/Longyearbyen,Atlantic/Jan_Mayen,Europe/Amsterdam,Europe/Andorra,Europe/Belgrade,Europe/Berlin,Europe/Bratislava,Europe/Brussels,Europe/Budapest,Europe/Busingen,Europe/Copenhagen,Europe/Gibraltar,Europe/Ljubljana,Europe/Luxembourg,Europe/Madrid,Europe/Malta,Europe/Monaco,Europe/Oslo,Europe/Paris,Europe/Podgorica,Europe/Prague,Europe/Rome,Europe/San_Marino,Europe/Sarajevo,Europe/Skopje,Europe/Stockholm,Europe/Tirane,Europe/Vaduz,Europe/Vatican,Europe/Vienna,Europe/Warsaw,Europe/Zagreb,Europe/Zurich,Poland
SAT|South Africa Time|SAST|South Africa Standard Time	Africa/Johannesburg,Africa/Maseru,Africa/Mbabane
EET|Eastern European Time|EET|Eastern European Standard Time	Africa/Tripoli,Libya
CAT|Central African Time	Africa/Windhoek
HAT|Hawaii-Aleutian Time|HAST|Hawaii-Aleutian Standard Time|HADT|Hawaii-Aleutian Daylight Time	America/Adak,America/Atka,US/Aleutian
AKT|Alaska Time|AKST|Alaska Standard Time|AKDT|Alaska Daylight Time	America/Anchorage,America/Juneau,America/Metlakatla,America/Nome,America/Sitka,America/Yakutat,SystemV/YST9YDT,US/Alaska
AT|Atlantic Time|AST|Atlantic Standard Time	America/Anguilla,America/Antigua,America/Aruba,America/Barbados,America/Blanc-Sablon,America/Curacao,America/Dominica,America/Grenada,America/Guadeloupe,America/Kralendijk,America/Lower_Princes,America/Marigot,America/Martinique,America/Montserrat,America/Port_of_Spain,America/Puerto_Rico,America/Santo_Domingo,America/St_Barthelemy,America/St_Kitts,America/St_Lucia,America/St_Thomas,America/St_Vincent,America/Tortola,America/Virgin,SystemV/AST4
BRT|Brasilia Time|BRT|Brasilia Standard Time	America/Araguaina,America/Belem,America/Fortaleza,America/Maceio,America/Recife,America/Santarem
ART|Argentina Time|ART|Argentina Standard Time	America/Argentina/Buenos_Aires,America/Argentina/Catamarca,America/Argentina/ComodRivadavia,America/Argentina/Cordoba,America/Argentina/Jujuy,America/Argentina/La_Rioja,America/Argentina/Mendoza,America/Argentina/Rio_Gallegos,America/Argentina/Salta,America/Argentina/San_Juan,America/Argentina/San_Luis,America/Argentina/Tucuman,America/Argentina/Ushuaia,America/Buenos_Aires,America/Catamarca,America/Cordoba,America/Jujuy,America/Mendoza,America/Rosario
PYT|Paraguay Time|PYT|Paraguay Standard Time|PYST|Paraguay Summer Time	America/Asuncion
ET|Eastern Time|EST|Eastern Standard Time	America/Atikokan,America/Cancun,America/Cayman,America/Coral_Harbour,America/Jamaica,America/Panama,Jamaica,SystemV/EST5
BRT|Brasilia Time|BRT|Brasilia Standard Time|BRST|Brasilia Summer Time	America/Bahia,America/Sao_Paulo,Brazil/East
CT|Central Time|CST|Central Standard Time|CDT|Central Daylight Time	America/Bahia_Banderas,America/Chicago,America/Chihuahua,America/Indiana/Knox,America/Indiana/Tell_City,America/Knox_IN,America/Matamoros,America/Menominee,America/Merida,America/Mexico_City,America/Monterrey,America/North_Dakota/Beulah,America/North_Dakota/Center,America/North_Dakota/New_Salem,America/Ojinaga,America/Rainy_River,America/Rankin_Inlet,America/Resolute,America/Winnipeg,CST6CDT,Canada/Central,Mexico/General,SystemV/CST6CDT,US/Central,US/Indiana-Starke
CT|Central Time|CST|Central Standard Time	America/Belize,America/Costa_Rica,America/El_Salvador,America/Guatemala,America/Managua,America/Regina,America/Swift_Current,America/Tegucigalpa,Canada/Saskatchewan,SystemV/CST6
AMT|Amazon Time|AMT|Amazon Standard Time	America/Boa_Vista,America/Manaus,America/Porto_Velho,Brazil/West
COT|Colombia Time|COT|Colombia Standard Time	America/Bogota
MT|Mountain Time|MST|Mountain Standard Time|MDT|Mountain Daylight Time	America/Boise,America/Cambridge_Bay,America/Ciudad_Juarez,America/Dawson,America/Denver,America/Edmonton,America/Fort_Nelson,America/Inuvik,America/Shiprock,America/Whitehorse,America/Yellowknife,Canada/Mountain,Canada/Yukon,MST7MDT,Navajo,SystemV/MST7MDT,US/Mountain
AMT|Amazon Time|AMT|Amazon Standard Time|AMST|Amazon Summer Time	America/Campo_Grande,America/Cuiaba
VET|Venezuela Time|VET|Venezuela Time	America/Caracas
GFT|French Guiana Time|GFT|French Guiana Time	America/Cayenne
MT|Mountain Time|MST|Mountain Standard Time	America/Creston,America/Dawson_Creek,America/Phoenix,SystemV/MST7,US/Arizona
GMT|Greenwich Mean Time|GMT|Greenwich Mean Time|GMT|Greenwich Mean Time	America/Danmarkshavn
ET|Eastern Time|EST|Eastern Standard Time|EDT|Eastern Daylight Time	America/Detroit,America/Fort_Wayne,America/Grand_Turk,America/Indiana/Indianapolis,America/Indiana/Marengo,America/Indiana/Petersburg,America/Indiana/Vevay,America/Indiana/Vincennes,America/Indiana/Winamac,America/Indianapolis,America/Iqaluit,America/Kentucky/Louisville,America/Kentucky/Monticello,America/Louisville,America/Montreal,America/Nassau,America/New_York,America/Nipigon,America/Pangnirtung,America/Port-au-Prince,America/Thunder_Bay,America/Toronto,Canada/Eastern,EST5EDT,SystemV/EST5EDT,US/East-Indiana,US/Eastern,US/Michigan
ACT|Acre Time|ACT|Acre Standard Time	America/Eirunepe,America/Porto_Acre,America/Rio_Branco,Brazil/Acre
PT|Pacific Time|PST|Pacific Standard Time|PDT|Pacific Daylight Time	America/Ensenada,America/Los_Angeles,America/Tijuana,America/Vancouver,Canada/Pacific,Mexico/BajaNorte,PST8PDT,SystemV/PST8PDT,US/Pacific
AT|Atlantic Time|AST|Atlantic Standard Time|ADT|Atlantic Daylight Time	America/Glace_Bay,America/Goose_Bay,America/Halifax,America/Moncton,America/Thule,Atlantic/Bermuda,Canada/Atlantic,SystemV/AST4ADT
WGT|West Greenland Time|WGT|West Greenland Standard Time|WGST|West Greenland Summer Time	America/Godthab,America/Nuuk
ECT|Ecuador Time|ECT|Ecuador Time	America/Guayaquil
GYT|Guyana Time|GYT|Guyana Time	America/Guyana
CT|Cuba Time|CST|Cuba Standard Time|CDT|Cuba Daylight Time	America/Havana,Cuba
MT|Mexican Pacific Time|MST|Mexican Pacific Standard Time	America/Hermosillo
BOT|Bolivia Time|BOT|Bolivia Time	America/La_Paz
PET|Peru Time|PET|Peru Standard Time	America/Lima
MT|Mexican Pacific Time|MST|Mexican Pacific Standard Time|MDT|Mexican Pacific Daylight Time	America/Mazatlan,Mexico/BajaSur
PMT|St. Pierre & Miquelon Time|PMST|St. Pierre & Miquelon Standard Time|PMDT|St. Pierre & Miquelon Daylight Time	America/Miquelon
UYT|Uruguay Time|UYT|Uruguay Standard Time	America/Montevideo
FNT|Fernando de Noronha Time|FNT|Fernando de Noronha Standard Time	America/Noronha,Brazil/DeNoronha
SRT|Suriname Time|SRT|Suriname Time	America/Paramaribo
GMT-03:00|Punta Arenas Time|GMT-03:00|Punta Arenas Standard Time|GMT-03:00|Punta Arenas Standard Time	America/Punta_Arenas
PT|Northwest Mexico Time|PST|Northwest Mexico Standard Time|PDT|Northwest Mexico Daylight Time	America/Santa_Isabel
CLT|Chile Time|CLT|Chile Standard Time|CLST|Chile Summer Time	America/Santiago,Chile/Continental
EGT|East Greenland Time|EGT|East Greenland Standard Time|EGST|East Greenland Summer Time	America/Scoresbysund
NT|Newfoundland Time|NST|Newfoundland Standard Time|NDT|Newfoundland Daylight Time	America/St_Johns,Canada/Newfoundland
AWT|Australian Western Time|AWST|Casey Time|AWST|Casey Time	Antarctica/Casey
DAVT|Davis Time|DAVT|Davis Time	Antarctica/Davis
DDUT|Dumont-d'Urville Time|DDUT|Dumont-d’Urville Time	Antarctica/DumontDUrville
AET|Eastern Australia Time|AEST|Australian Eastern Standard Time|AEDT|Australian Eastern Daylight Time	Antarctica/Macquarie,Australia/ACT,Australia/Canberra,Australia/Currie,Australia/Hobart,Australia/Melbourne,Australia/NSW,Australia/Sydney,Australia/Tasmania,Australia/Victoria
MAWT|Mawson Time|MAWT|Mawson Time	Antarctica/Mawson
NZT|New Zealand Time|NZST|New Zealand Standard Time|NZDT|New Zealand Daylight Time	Antarctica/McMurdo,Antarctica/South_Pole,NZ,Pacific/Auckland
CLT|Chile Time|CLT|Chile Time|CLST|Chile Summer Time	Antarctica/Palmer
ROTT|Rothera Time|ROTT|Rothera Time	Antarctica/Rothera
SYOT|Syowa Time|SYOT|Syowa Time	Antarctica/Syowa
ATT|Troll Time|GMT|Greenwich Mean Time|CEST|Central European Summer Time	Antarctica/Troll
VOST|Vostok Time|VOST|Vostok Time	Antarctica/Vostok
AT|Arabian Time|AST|Arabian Standard Time	Asia/Aden,Asia/Bahrain,Asia/Kuwait,Asia/Qatar,Asia/Riyadh
ALMT|Alma-Ata Time|ALMT|East Kazakhstan Time|ALMST|Alma-Ata Summer Time	Asia/Almaty
ANAT|Anadyr Time|ANAT|Anadyr Standard Time|ANAST|Anadyr Summer Time	Asia/Anadyr
AQTT|Aqtau Time|AQTT|West Kazakhstan Time|AQTST|Aqtau Summer Time	Asia/Aqtau
AQTT|Aqtobe Time|AQTT|West Kazakhstan Time|AQTST|Aqtobe Summer Time	Asia/Aqtobe
TMT|Turkmenistan Time|TMT|Turkmenistan Standard Time	Asia/Ashgabat,Asia/Ashkhabad
GMT+05:00|Atyrau Time|GMT+05:00|West Kazakhstan Time|GMT+05:00|Atyrau Daylight Time	Asia/Atyrau
AT|Arabian Time|AST|Arabian Standard Time|ADT|Arabian Daylight Time	Asia/Baghdad
AZT|Azerbaijan Time|AZT|Azerbaijan Standard Time	Asia/Baku
ICT|Indochina Time|ICT|Indochina Time	Asia/Bangkok,Asia/Ho_Chi_Minh,Asia/Phnom_Penh,Asia/Saigon,Asia/Vientiane
GMT+07:00|Barnaul Time	Asia/Barnaul
KGT|Kirgizstan Time|KGT|Kyrgyzstan Time|KGST|Kirgizstan Summer Time	Asia/Bishkek
BNT|Brunei Time|BNT|Brunei Darussalam Time	Asia/Brunei
IT|India Time|IST|India Standard Time	Asia/Calcutta,Asia/Colombo,Asia/Kolkata
YAKT|Yakutsk Time|YAKT|Yakutsk Standard Time|YAKST|Yakutsk Summer Time	Asia/Chita,Asia/Khandyga,Asia/Yakutsk
CHOT|Ulaanbaatar Time|CHOT|Ulaanbaatar Standard Time|CHOST|Ulaanbaatar Summer Time	Asia/Choibalsan
CT|China Time|CST|China Standard Time	Asia/Chongqing,Asia/Chungking,Asia/Harbin,Asia/Macao,Asia/Macau,Asia/Shanghai,PRC
BDT|Bangladesh Time|BDT|Bangladesh Standard Time	Asia/Dacca,Asia/Dhaka
TLT|Timor-Leste Time|TLT|East Timor Time	Asia/Dili
GT|Gulf Time|GST|Gulf Standard Time	Asia/Dubai,Asia/Muscat
TJT|Tajikistan Time|TJT|Tajikistan Time	Asia/Dushanbe
EET|Eastern European Time|EET|Eastern European Time|EEST|Eastern European Summer Time	Asia/Famagusta,EET
HKT|Hong Kong Time|HKT|Hong Kong Standard Time	Asia/Hong_Kong,Hongkong
HOVT|Hovd Time|HOVT|Hovd Standard Time|HOVST|Hovd Summer Time	Asia/Hovd
IRKT|Irkutsk Time|IRKT|Irkutsk Standard Time|IRKST|Irkutsk Summer Time	Asia/Irkutsk
TRT|Turkey Time|TRT|Turkey Time|TRST|Turkey Summer Time	Asia/Istanbul,Europe/Istanbul,Turkey
WIB|West Indonesia Time|WIB|Western Indonesia Time	Asia/Jakarta,Asia/Pontianak
WIT|East Indonesia Time|WIT|Eastern Indonesia Time	Asia/Jayapura
IT|Israel Time|IST|Israel Standard Time|IDT|Israel Daylight Time	Asia/Jerusalem,Asia/Tel_Aviv,Israel
AFT|Afghanistan Time|AFT|Afghanistan Time	Asia/Kabul
PETT|Petropavlovsk-Kamchatski Time|PETT|Petropavlovsk-Kamchatski Standard Time|PETST|Petropavlovsk-Kamchatski Summer Time	Asia/Kamchatka
PKT|Pakistan Time|PKT|Pakistan Standard Time	Asia/Karachi
XJT|Xinjiang Time|XJT|Xinjiang Standard Time	Asia/Kashgar,Asia/Urumqi
NPT|Nepal Time|NPT|Nepal Time	Asia/Kathmandu,Asia/Katmandu
KRAT|Krasnoyarsk Time|KRAT|Krasnoyarsk Standard Time|KRAST|Krasnoyarsk Summer Time	Asia/Krasnoyarsk,Asia/Novokuznetsk
MYT|Malaysia Time|MYT|Malaysia Time	Asia/Kuala_Lumpur,Asia/Kuching
MAGT|Magadan Time|MAGT|Magadan Standard Time|MAGST|Magadan Summer Time	Asia/Magadan
WITA|Central Indonesia Time|WITA|Central Indonesia Time	Asia/Makassar,Asia/Ujung_Pandang
PT|Philippine Time|PST|Philippine Standard Time	Asia/Manila
NOVT|Novosibirsk Time|NOVT|Novosibirsk Standard Time|NOVST|Novosibirsk Summer Time	Asia/Novosibirsk
OMST|Omsk Time|OMST|Omsk Standard Time|OMSST|Omsk Summer Time	Asia/Omsk
ORAT|Oral Time|ORAT|West Kazakhstan Time|ORAST|Oral Summer Time	Asia/Oral
KT|Korean Time|KST|Korean Standard Time	Asia/Pyongyang,Asia/Seoul,ROK
QOST|Kostanay Time|QOST|East Kazakhstan Time|QOSST|Kostanay Summer Time	Asia/Qostanay
QYZT|Qyzylorda Time|QYZT|West Kazakhstan Time|QYZST|Qyzylorda Summer Time	Asia/Qyzylorda
MMT|Myanmar Time|MMT|Myanmar Time	Asia/Rangoon,Asia/Yangon
SAKT|Sakhalin Time|SAKT|Sakhalin Standard Time|SAKST|Sakhalin Summer Time	Asia/Sakhalin
UZT|Uzbekistan Time|UZT|Uzbekistan Standard Time	Asia/Samarkand,Asia/Tashkent
SGT|Singapore Time|SGT|Singapore Standard Time	Asia/Singapore,Singapore
SRET|Srednekolymsk Time|SRET|Srednekolymsk Time|SREDT|Srednekolymsk Daylight Time	Asia/Srednekolymsk
CT|Taipei Time|CST|Taipei Standard Time	Asia/Taipei
GET|Georgia Time|GET|Georgia Standard Time|GEST|Georgia Summer Time	Asia/Tbilisi
IRT|Iran Time|IRST|Iran Standard Time|IRDT|Iran Daylight Time	Asia/Tehran,Iran
BTT|Bhutan Time|BTT|Bhutan Time	Asia/Thimbu,Asia/Thimphu
JT|Japan Time|JST|Japan Standard Time	Asia/Tokyo,Japan
GMT+07:00|Tomsk Time|GMT+07:00|Tomsk Standard Time|GMT+07:00|Tomsk Daylight Time	Asia/Tomsk
ULAT|Ulaanbaatar Time|ULAT|Ulaanbaatar Standard Time|ULAST|Ulaanbaatar Summer Time	Asia/Ulaanbaatar,Asia/Ulan_Bator
VLAT|Vladivostok Time|VLAT|Vladivostok Standard Time|VLAST|Vladivostok Summer Time	Asia/Ust-Nera,Asia/Vladivostok
YEKT|Yekaterinburg Time|YEKT|Yekaterinburg Standard Time|YEKST|Yekaterinburg Summer Time	Asia/Yekaterinburg
AMT|Armenia Time|AMT|Armenia Standard Time|AMST|Armenia Summer Time	Asia/Yerevan
AZOT|Azores Time|AZOT|Azores Standard Time|AZOST|Azores Summer Time	Atlantic/Azores
WET|Western European Time|WET|Western European Standard Time|WEST|Western European Summer Time	Atlantic/Canary,Atlantic/Faeroe,Atlantic/Faroe,Atlantic/Madeira,Europe/Lisbon,Portugal
CVT|Cape Verde Time|CVT|Cape Verde Standard Time	Atlantic/Cape_Verde
GT|South Georgia Time|GST|South Georgia Time	Atlantic/South_Georgia
FKT|Falkland Islands Time|FKT|Falkland Islands Standard Time|FKST|Falkland Islands Summer Time	Atlantic/Stanley
ACT|Central Australia Time|ACST|Australian Central Standard Time|ACDT|Australian Central Daylight Time	Australia/Adelaide,Australia/Broken_Hill,Australia/South,Australia/Yancowinna
AET|Eastern Australia Time|AEST|Australian Eastern Standard Time	Australia/Brisbane,Australia/Lindeman,Australia/Queensland
ACT|Central Australia Time|ACST|Australian Central Standard Time	Australia/Darwin,Australia/North
ACWT|Australian Central Western Time|ACWST|Australian Central Western Standard Time	Australia/Eucla
LHT|Lord Howe Time|LHST|Lord Howe Standard Time|LHDT|Lord Howe Daylight Time	Australia/LHI,Australia/Lord_Howe
AWT|Western Australia Time|AWST|Australian Western Standard Time	Australia/Perth,Australia/West
CET|Central European Time|CET|Central European Time|CEST|Central European Summer Time	CET
EAST|Easter Island Time|EAST|Easter Island Standard Time|EASST|Easter Island Summer Time	Chile/EasterIsland,Pacific/Easter
IT|Irish Time|GMT|Greenwich Mean Time|IST|Irish Standard Time	Eire,Europe/Dublin
GMT-01:00|GMT-01:00|GMT-01:00|GMT-01:00	Etc/GMT+1
GMT-10:00|GMT-10:00|GMT-10:00|GMT-10:00	Etc/GMT+10
GMT-11:00|GMT-11:00|GMT-11:00|GMT-11:00	Etc/GMT+11
GMT-12:00|GMT-12:00|GMT-12:00|GMT-12:00	Etc/GMT+12
GMT-02:00|GMT-02:00|GMT-02:00|GMT-02:00	Etc/GMT+2
GMT-03:00|GMT-03:00|GMT-03:00|GMT-03:00	Etc/GMT+3
GMT-04:00|GMT-04:00|GMT-04:00|GMT-04:00	Etc/GMT+4
GMT-05:00|GMT-05:00|GMT-05:00|GMT-05:00	Etc/GMT+5
GMT-06:00|GMT-06:00|GMT-06:00|GMT-06:00	Etc/GMT+6
GMT-07:00|GMT-07:00|GMT-07:00|GMT-07:00	Etc/GMT+7
GMT-08:00|GMT-08:00|GMT-08:00|GMT-08:00	Etc/GMT+8
GMT-09:00|GMT-09:00|GMT-09:00|GMT-09:00	Etc/GMT+9
GMT+01:00|GMT+01:00|GMT+01:00|GMT+01:00	Etc/GMT-1
GMT+10:00|GMT+10:00|GMT+10:00|GMT+10:00	Etc/GMT-10
GMT+11:00|GMT+11:00|GMT+11:00|GMT+11:00	Etc/GMT-11
GMT+12:00|GMT+12:00|GMT+12:00|GMT+12:00	Etc/GMT-12
GMT+13:00|GMT+13:00|GMT+13:00|GMT+13:00	Etc/GMT-13
GMT+14:00|GMT+14:00|GMT+14:00|GMT+14:00	Etc/GMT-14
GMT+02:00|GMT+02:00|GMT+02:00|GMT+02:00	Etc/GMT-2
GMT+03:00|GMT+03:00|GMT+03:00|GMT+03:00	Etc/GMT-3
GMT+04:00|GMT+04:00|GMT+04:00|GMT+04:00	Etc/GMT-4
GMT+05:00|GMT+05:00|GMT+05:00|GMT+05:00	Etc/GMT-5
GMT+06:00|GMT+06:00|GMT+06:00|GMT+06:00	Etc/GMT-6
GMT+07:00|GMT+07:00|GMT+07:00|GMT+07:00	Etc/GMT-7
GMT+08:00|GMT+08:00|GMT+08:00|GMT+08:00	Etc/GMT-8
GMT+09:00|GMT+09:00|GMT+09:00|GMT+09:00	Etc/GMT-9
UTC|Coordinated Universal Time|UTC|Coordinated Universal Time	Etc/UCT,Etc/UTC,Etc/Universal,Etc/Zulu,UCT,UTC,Universal,Zulu
GMT+04:00|Astrakhan Time|GMT+04:00|Astrakhan Standard Time|GMT+04:00|Astrakhan Standard Time	Europe/Astrakhan
BT|British Time|GMT|Greenwich Mean Time|BST|British Summer Time	Europe/Belfast,Europe/Guernsey,Europe/Isle_of_Man,Europe/Jersey,Europe/London,GB,GB-Eire
MT|Moscow Time|MSK|Moscow Standard Time|MSD|Moscow Daylight Time	Europe/Kirov
MT|Moscow Time|MSK|Moscow Standard Time|MSD|Moscow Summer Time	Europe/Minsk,Europe/Moscow,Europe/Simferopol,W-SU
SAMT|Samara Time|SAMT|Samara Standard Time|SAMST|Samara Summer Time	Europe/Samara
GMT+04:00|Saratov Time|GMT+04:00|Saratov Standard Time|GMT+04:00|Saratov Standard Time	Europe/Saratov
GMT+04:00|Ulyanovsk Time|GMT+04:00|Ulyanovsk Standard Time|GMT+04:00|Ulyanovsk Standard Time	Europe/Ulyanovsk
MT|Volgograd Time|MSK|Volgograd Standard Time|MSD|Volgograd Summer Time	Europe/Volgograd
IOT|Indian Ocean Territory Time|IOT|Indian Ocean Time	Indian/Chagos
CIT|Christmas Island Time|CXT|Christmas Island Time	Indian/Christmas
CCT|Cocos Islands Time|CCT|Cocos Islands Time	Indian/Cocos
TFT|French Southern & Antarctic Lands Time|TFT|French Southern & Antarctic Time	Indian/Kerguelen
SCT|Seychelles Time|SCT|Seychelles Time	Indian/Mahe
MVT|Maldives Time|MVT|Maldives Time	Indian/Maldives
MUT|Mauritius Time|MUT|Mauritius Standard Time	Indian/Mauritius
RET|Reunion Time|RET|Réunion Time	Indian/Reunion
MHT|Marshall Islands Time|MHT|Marshall Islands Time	Kwajalein,Pacific/Kwajalein,Pacific/Majuro
MET|Middle Europe Time|MET|Middle Europe Time|MEST|Middle Europe Summer Time	MET
CHAT|Chatham Time|CHAST|Chatham Standard Time|CHADT|Chatham Daylight Time	NZ-CHAT,Pacific/Chatham
WST|Apia Time|WSST|Apia Standard Time|WSDT|Apia Daylight Time	Pacific/Apia
BT|Bougainville Time|BST|Bougainville Standard Time	Pacific/Bougainville
CHUT|Chuuk Time|CHUT|Chuuk Time	Pacific/Chuuk,Pacific/Truk,Pacific/Yap
VUT|Vanuatu Time|VUT|Vanuatu Standard Time	Pacific/Efate
PHOT|Phoenix Is. Time|PHOT|Phoenix Islands Time	Pacific/Enderbury
TKT|Tokelau Time|TKT|Tokelau Time	Pacific/Fakaofo
FJT|Fiji Time|FJT|Fiji Standard Time	Pacific/Fiji
TVT|Tuvalu Time|TVT|Tuvalu Time	Pacific/Funafuti
GALT|Galapagos Time|GALT|Galapagos Time	Pacific/Galapagos
GAMT|Gambier Time|GAMT|Gambier Time	Pacific/Gambier
SBT|Solomon Is. Time|SBT|Solomon Islands Time	Pacific/Guadalcanal
ChT|Chamorro Time|ChST|Chamorro Standard Time	Pacific/Guam,Pacific/Saipan
HST|Hawaii-Aleutian Time|HST|Hawaii-Aleutian Standard Time	Pacific/Honolulu,SystemV/HST10,US/Hawaii
HAT|Hawaii-Aleutian Time|HAST|Hawaii-Aleutian Standard Time	Pacific/Johnston
GMT+13:00|Kanton Time|GMT+13:00|Kanton Standard Time	Pacific/Kanton
LINT|Line Is. Time|LINT|Line Islands Time	Pacific/Kiritimati
KOST|Kosrae Time|KOST|Kosrae Time	Pacific/Kosrae
MART|Marquesas Time|MART|Marquesas Time	Pacific/Marquesas
ST|Samoa Time|SST|Samoa Standard Time	Pacific/Midway,Pacific/Pago_Pago,Pacific/Samoa,US/Samoa
NRT|Nauru Time|NRT|Nauru Time	Pacific/Nauru
NUT|Niue Time|NUT|Niue Time	Pacific/Niue
NFT|Norfolk Island Time|NFT|Norfolk Island Standard Time|NFST|Norfolk Island Daylight Time	Pacific/Norfolk
NCT|New Caledonia Time|NCT|New Caledonia Standard Time	Pacific/Noumea
PWT|Palau Time|PWT|Palau Time	Pacific/Palau
PT|Pitcairn Time|PST|Pitcairn Time	Pacific/Pitcairn
PONT|Ponape Time|PONT|Ponape Time	Pacific/Pohnpei,Pacific/Ponape
PGT|Papua New Guinea Time|PGT|Papua New Guinea Time	Pacific/Port_Moresby
CKT|Cook Islands Time|CKT|Cook Islands Standard Time	Pacific/Rarotonga
TAHT|Tahiti Time|TAHT|Tahiti Time	Pacific/Tahiti
GILT|Gilbert Is. Time|GILT|Gilbert Islands Time	Pacific/Tarawa
TOT|Tonga Time|TOT|Tonga Standard Time	Pacific/Tongatapu
WAKT|Wake Time|WAKT|Wake Island Time	Pacific/Wake
WFT|Wallis & Futuna Time|WFT|Wallis & Futuna Time	Pacific/Wallis
PST|Pitcairn Time|PST|Pitcairn Time	SystemV/PST8
AKST|Gambier Time|AKST|Gambier Time	SystemV/YST9
WET|Western European Time|WET|Western European Time|WEST|Western European Summer Time	WET
`;

#!/usr/bin/env python3
"""Synthetic but realistic knowledge products for benchmarks (used by scripts/bench.py).

    python scripts/synthetic.py --root COPY --resources 1000 [--seed 1]

Writes N resources into COPY/content/resources/ after deleting what is there, so run it on a
copy of the repository, never on the real content. The vocabularies (types, topics, regions,
organisations, languages) are read from COPY, so every id used is valid and every one of
them is used (when N allows). The output is the same for the same inputs and seed.

What it makes, roughly as a real hub would hold it:
- originals mostly in English; about 12% only in Spanish, Thai, Vietnamese, Indonesian or
  Mongolian (`slug.th.md` with full front matter), following the regions they are about;
- about 10% with a translation `slug.<lang>.md` holding title, summary and a body;
- one in a hundred renamed once, with its old name in `former_names`;
- about 8% events with start, end, timezone (offsets computed from the zone), location,
  and registration, livestream or recording links; past and upcoming, some all-day;
- bodies of 100 to 1,500 words: headings, paragraphs, bullet and numbered lists, sometimes a
  table, a link or bold text; words drawn from per-language word lists plus a long tail of
  made-up names and terms (Zipf-distributed) so the search index grows the way real text does.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import json
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

RENAMED_EVERY = 100  # one resource in a hundred was renamed once (front matter former_names)
BUILD_DATE = dt.date(2026, 11, 28)  # matches bench.py's SOURCE_DATE_EPOCH (1795824000)

# -- places, per region; `native` names for the region's own language ----------------------------

PLACES = {
    "colombia": ["La Guajira", "Cesar", "Valledupar", "Riohacha", "La Jagua de Ibirico", "Becerril", "El Paso",
                 "Albania", "Barrancas", "Chiriguaná", "Boyacá", "Cundinamarca"],
    "chile": ["Tocopilla", "Mejillones", "Coronel", "Huasco", "Puchuncaví", "Quintero", "Antofagasta", "Biobío",
              "Lota", "Iquique"],
    "indonesia": ["East Kalimantan", "South Sumatra", "Samarinda", "Palembang", "Muara Enim", "Kutai Kartanegara",
                  "Balikpapan", "Tanjung Enim", "Berau", "Lahat", "Cilacap", "Banten"],
    "mongolia": ["Baganuur", "Nalaikh", "Tavan Tolgoi", "Dalanzadgad", "Umnugovi", "Darkhan", "Erdenet",
                 "Sharyn Gol", "Ulaanbaatar", "Dornogovi"],
    "south-africa": ["Mpumalanga", "eMalahleni", "Middelburg", "Secunda", "Komati", "Ermelo", "Lephalale",
                     "Hendrina", "Kriel", "Nkangala"],
    "thailand": ["Mae Moh", "Lampang", "Krabi", "Mae Tha", "Sop Pad", "Ban Dong", "Lamphun", "Chiang Mai"],
    "vietnam": ["Quang Ninh", "Ha Long", "Cam Pha", "Uong Bi", "Mao Khe", "Dong Trieu", "Quang Yen", "Hai Phong",
                "Thai Nguyen", "Vung Ang"],
    "global": ["seven coal regions", "Southeast Asia", "Latin America", "Southern Africa", "the Asia-Pacific",
               "Europe's coal regions", "the G20", "JETP countries"],
}
NATIVE = {
    ("thailand", "th"): ["แม่เมาะ", "ลำปาง", "กระบี่", "แม่ทะ", "สบป้าด", "บ้านดง", "ลำพูน"],
    ("vietnam", "vi"): ["Quảng Ninh", "Hạ Long", "Cẩm Phả", "Uông Bí", "Mạo Khê", "Đông Triều", "Quảng Yên"],
    ("mongolia", "mn"): ["Багануур", "Налайх", "Таван толгой", "Даланзадгад", "Өмнөговь", "Дархан", "Эрдэнэт"],
}
ZONES = {"colombia": "America/Bogota", "chile": "America/Santiago", "indonesia": "Asia/Jakarta",
         "mongolia": "Asia/Ulaanbaatar", "south-africa": "Africa/Johannesburg", "thailand": "Asia/Bangkok",
         "vietnam": "Asia/Ho_Chi_Minh", "global": "Europe/Berlin"}
COUNTRY = {"colombia": "Colombia", "chile": "Chile", "indonesia": "Indonesia", "mongolia": "Mongolia",
           "south-africa": "South Africa", "thailand": "Thailand", "vietnam": "Vietnam", "global": "Germany"}
REGION_LANGUAGE = {"colombia": "es", "chile": "es", "indonesia": "id", "vietnam": "vi", "thailand": "th",
                   "mongolia": "mn"}

# -- text per language ------------------------------------------------------------------------------

TITLES = {
    "en": ["{Topic} in {place}: {angle}", "{Angle} for {place}", "What {topic} means for {place}'s coal workers",
           "{place} and the future of {topic}", "{Type}: {topic} and the coal transition in {place}",
           "Lessons from {place} on {topic}", "{Topic} after coal: {angle}", "Towards {topic} in {place}, {year}",
           "{place} {year}: {topic} in a just transition", "Why {topic} matters in {place}"],
    "es": ["{Topic} en {place}: {angle}", "{place} y el futuro de {topic}", "Lecciones de {place} sobre {topic}",
           "{Topic} después del carbón: {angle}", "Hacia {topic} en {place}, {year}",
           "{Type}: {topic} y la transición en {place}"],
    "id": ["{Topic} di {place}: {angle}", "{place} dan masa depan {topic}", "Pelajaran dari {place} tentang {topic}",
           "{Topic} setelah batu bara: {angle}", "Menuju {topic} di {place}, {year}"],
    "vi": ["{Topic} tại {place}: {angle}", "{place} và tương lai của {topic}", "Bài học từ {place} về {topic}",
           "{Topic} sau than: {angle}", "Hướng tới {topic} tại {place}, {year}"],
    "th": ["{topic}ใน{place}: {angle}", "{place}กับอนาคตของ{topic}", "บทเรียนจาก{place}ว่าด้วย{topic}",
           "{topic}หลังยุคถ่านหิน: {angle}", "สู่{topic}ใน{place} ปี {year}"],
    "mn": ["{place} дахь {topic}: {angle}", "{Topic}: {place}-ын туршлага", "Нүүрсний дараах {topic}: {angle}",
           "{place}, {year}: шударга шилжилт ба {topic}"],
}
ANGLES = {
    "en": ["lessons from the first closures", "options for workers and communities", "a roadmap for local governments",
           "what the evidence says", "priorities for the next five years", "a practical checklist",
           "findings from a household survey", "the role of trade unions", "costs, benefits and trade-offs",
           "voices from mining towns", "a toolkit for planners", "early results and open questions",
           "how to pay for it", "gaps in current plans", "a comparison across countries", "notes from the field"],
    "es": ["lecciones de los primeros cierres", "opciones para trabajadores y comunidades",
           "una hoja de ruta para los gobiernos locales", "lo que dice la evidencia", "prioridades para los próximos cinco años",
           "una lista de verificación práctica", "resultados de una encuesta de hogares", "el papel de los sindicatos",
           "costos, beneficios y dilemas", "voces desde los pueblos mineros", "herramientas para la planificación"],
    "id": ["pelajaran dari penutupan pertama", "pilihan bagi pekerja dan masyarakat", "peta jalan bagi pemerintah daerah",
           "apa kata bukti", "prioritas lima tahun ke depan", "daftar periksa praktis", "temuan survei rumah tangga",
           "peran serikat pekerja", "biaya, manfaat, dan pilihan sulit", "suara dari kota tambang"],
    "vi": ["bài học từ những lần đóng cửa đầu tiên", "lựa chọn cho người lao động và cộng đồng",
           "lộ trình cho chính quyền địa phương", "bằng chứng cho thấy gì", "ưu tiên cho năm năm tới",
           "danh mục kiểm tra thực tế", "kết quả khảo sát hộ gia đình", "vai trò của công đoàn",
           "chi phí, lợi ích và đánh đổi", "tiếng nói từ các thị trấn mỏ"],
    "th": ["บทเรียนจากการปิดเหมืองครั้งแรก", "ทางเลือกสำหรับแรงงานและชุมชน", "แผนที่นำทางสำหรับองค์กรปกครองส่วนท้องถิ่น",
           "หลักฐานบอกอะไรเรา", "ลำดับความสำคัญในห้าปีข้างหน้า", "รายการตรวจสอบเชิงปฏิบัติ", "ผลการสำรวจครัวเรือน",
           "บทบาทของสหภาพแรงงาน", "ต้นทุน ประโยชน์ และการแลกเปลี่ยน", "เสียงจากเมืองเหมืองแร่"],
    "mn": ["анхны хаалтаас авсан сургамж", "ажилчид ба иргэдэд зориулсан сонголтууд",
           "орон нутгийн засаг захиргаанд зориулсан замын зураг", "нотолгоо юу өгүүлж байна",
           "ирэх таван жилийн тэргүүлэх чиглэл", "практик хяналтын хуудас", "өрхийн судалгааны үр дүн",
           "үйлдвэрчний эвлэлийн үүрэг", "зардал, үр ашиг ба сонголт", "уурхайн хотуудын дуу хоолой"],
}
SENTENCES = {
    "en": ["Coal has shaped the economy of {place} for more than {n} years.",
           "Around {n} people work directly in mines and power plants in {place}, and many more depend on them indirectly.",
           "{org} worked with local partners to collect the views of workers, employers and residents.",
           "The closure timeline announced in {year} left little room for planning.",
           "Women and informal workers are often left out of the formal consultations.",
           "Municipal budgets in {place} rely heavily on royalties and local taxes paid by the mining companies.",
           "Retraining works best when it is linked to jobs that actually exist in the region.",
           "Social dialogue between government, employers and unions is the foundation of a just transition.",
           "New solar and wind projects create jobs, but rarely in the same places or at the same time as coal is lost.",
           "The findings are illustrative and should be checked with local data before they are used for decisions.",
           "Land rehabilitation can become a source of local employment if communities take part in it from the start.",
           "Finance for the transition must reach the districts and households that carry its costs.",
           "This page summarises the main points; the full publication has the details and the sources.",
           "Participants agreed to meet again in {year} to review progress.",
           "Contractors and small suppliers in {place} feel the effects of closures before anyone else."],
    "es": ["El carbón ha marcado la economía de {place} durante más de {n} años.",
           "Unas {n} personas trabajan directamente en las minas y centrales de {place}.",
           "{org} trabajó con socios locales para recoger las opiniones de trabajadores, empresas y vecinos.",
           "El calendario de cierre anunciado en {year} dejó poco margen para planificar.",
           "Las mujeres y los trabajadores informales suelen quedar fuera de las consultas formales.",
           "Los presupuestos municipales de {place} dependen de las regalías pagadas por las empresas mineras.",
           "La reconversión laboral funciona mejor cuando se vincula a empleos que existen en la región.",
           "El diálogo social entre gobierno, empresas y sindicatos es la base de una transición justa.",
           "Los resultados son ilustrativos y deben contrastarse con datos locales."],
    "id": ["Batu bara telah membentuk ekonomi {place} selama lebih dari {n} tahun.",
           "Sekitar {n} orang bekerja langsung di tambang dan pembangkit listrik di {place}.",
           "{org} bekerja sama dengan mitra lokal untuk mengumpulkan pandangan pekerja, pengusaha, dan warga.",
           "Jadwal penutupan yang diumumkan pada {year} menyisakan sedikit waktu untuk perencanaan.",
           "Perempuan dan pekerja informal sering tidak dilibatkan dalam konsultasi resmi.",
           "Anggaran daerah {place} sangat bergantung pada royalti dari perusahaan tambang.",
           "Pelatihan ulang paling berhasil jika dikaitkan dengan pekerjaan yang benar-benar ada di daerah itu.",
           "Dialog sosial antara pemerintah, pengusaha, dan serikat pekerja adalah dasar transisi yang adil."],
    "vi": ["Than đã định hình nền kinh tế của {place} trong hơn {n} năm.",
           "Khoảng {n} người làm việc trực tiếp tại các mỏ và nhà máy điện ở {place}.",
           "{org} đã phối hợp với các đối tác địa phương để thu thập ý kiến của người lao động, doanh nghiệp và người dân.",
           "Lộ trình đóng cửa được công bố năm {year} để lại rất ít thời gian cho việc lập kế hoạch.",
           "Phụ nữ và lao động phi chính thức thường bị bỏ ngoài các cuộc tham vấn chính thức.",
           "Ngân sách của {place} phụ thuộc nhiều vào nguồn thu từ các công ty khai thác than.",
           "Đào tạo lại hiệu quả nhất khi gắn với những việc làm thực sự có trong vùng.",
           "Đối thoại xã hội giữa chính phủ, người sử dụng lao động và công đoàn là nền tảng của chuyển đổi công bằng."],
    "th": ["ถ่านหินได้หล่อหลอมเศรษฐกิจของ{place}มานานกว่า {n} ปี",
           "มีผู้คนประมาณ {n} คนทำงานโดยตรงในเหมืองและโรงไฟฟ้าใน{place}",
           "{org}ทำงานร่วมกับภาคีในท้องถิ่นเพื่อรวบรวมความคิดเห็นของแรงงาน นายจ้าง และชาวบ้าน",
           "กำหนดการปิดที่ประกาศในปี {year} ทำให้มีเวลาวางแผนน้อยมาก",
           "ผู้หญิงและแรงงานนอกระบบมักไม่ได้เข้าร่วมในการรับฟังความคิดเห็นอย่างเป็นทางการ",
           "การฝึกอบรมใหม่ได้ผลดีที่สุดเมื่อเชื่อมโยงกับงานที่มีอยู่จริงในพื้นที่",
           "การเจรจาทางสังคมระหว่างรัฐบาล นายจ้าง และสหภาพแรงงานเป็นรากฐานของการเปลี่ยนผ่านที่เป็นธรรม"],
    "mn": ["Нүүрс {place}-ын эдийн засгийг {n} гаруй жил тодорхойлж ирсэн.",
           "{place}-д ойролцоогоор {n} хүн уурхай, цахилгаан станцад шууд ажилладаг.",
           "{org} орон нутгийн түншүүдтэй хамтран ажилчид, ажил олгогчид, иргэдийн санал бодлыг цуглуулсан.",
           "{year} онд зарласан хаалтын хуваарь төлөвлөлт хийх хугацаа бага үлдээсэн.",
           "Эмэгтэйчүүд болон албан бус ажилчид албан ёсны зөвлөлдөөнөөс хасагдах нь элбэг.",
           "Дахин сургалт нь тухайн бүс нутагт бодитоор байгаа ажлын байртай холбогдсон үед хамгийн үр дүнтэй байдаг.",
           "Засгийн газар, ажил олгогч, үйлдвэрчний эвлэлийн хоорондын нийгмийн яриа хэлэлцээ бол шударга шилжилтийн үндэс юм."],
}
WORDS = {
    "en": ("the of and to in for with on by from as at that this is are was were will can should have has more new "
           "many all their its not but also how which who between after before over under about local national "
           "coal workers mine mines transition region regions community communities just energy power plant plants "
           "closure jobs skills training government unions employers dialogue finance investment renewable solar wind "
           "land water rehabilitation plan planning policy social protection income households women youth migrants "
           "contractors suppliers budget royalties revenue municipal province district partners study survey data "
           "evidence findings recommendations options costs benefits risks pension retraining apprenticeship "
           "cooperative enterprise diversification tourism agriculture manufacturing grid storage hydrogen emissions "
           "health air quality schools roads services consultation participation rights agreement committee roadmap "
           "timeline targets phase-out decommissioning repurposing site sites labour market wages employment informal "
           "sector value chain economy growth fund grants loans donors programme pilot results lessons capacity "
           "institutions transparency accountability monitoring families towns villages young older company companies "
           "public private support needs early clear long-term shared fair").split(),
    "es": ("el la los las de del y en para con por que se su sus es son fue más nuevo muchos también como entre "
           "después antes sobre local nacional carbón trabajadores mina minas transición región regiones comunidad "
           "comunidades justa energía central centrales cierre empleo empleos habilidades formación gobierno sindicatos "
           "empresas diálogo financiamiento inversión renovable solar eólica tierra agua rehabilitación plan política "
           "social protección ingresos hogares mujeres jóvenes contratistas proveedores presupuesto regalías municipal "
           "departamento socios estudio encuesta datos evidencia hallazgos recomendaciones opciones costos beneficios "
           "riesgos pensión reconversión cooperativa empresa diversificación turismo agricultura red hidrógeno "
           "emisiones salud aire escuelas servicios consulta participación derechos acuerdo comité calendario metas "
           "desmantelamiento terrenos trabajo mercado salarios informal sector cadena economía fondo programa piloto "
           "resultados lecciones capacidad instituciones transparencia seguimiento familias pueblos").split(),
    "id": ("yang dan di ke dari untuk dengan pada oleh dalam ini itu adalah akan dapat harus lebih baru banyak juga "
           "bagaimana antara setelah sebelum tentang lokal nasional batu bara pekerja tambang transisi wilayah daerah "
           "masyarakat komunitas adil energi pembangkit listrik penutupan pekerjaan keterampilan pelatihan pemerintah "
           "serikat pengusaha dialog pembiayaan investasi terbarukan surya angin lahan air rehabilitasi rencana "
           "kebijakan sosial perlindungan pendapatan rumah tangga perempuan pemuda kontraktor pemasok anggaran royalti "
           "kabupaten provinsi mitra kajian survei data bukti temuan rekomendasi pilihan biaya manfaat risiko pensiun "
           "koperasi usaha diversifikasi pariwisata pertanian jaringan emisi kesehatan udara sekolah layanan "
           "konsultasi partisipasi hak kesepakatan komite peta jalan target pasar upah informal sektor rantai nilai "
           "ekonomi dana program percontohan hasil pelajaran kapasitas lembaga transparansi pemantauan keluarga desa").split(),
    "vi": ("và của các những cho với trong tại từ được là có sẽ cần đã này đó nhiều hơn mới cũng như giữa sau trước "
           "về địa phương quốc gia than người lao động mỏ chuyển đổi vùng khu vực cộng đồng công bằng năng lượng nhà "
           "máy điện đóng cửa việc làm kỹ năng đào tạo chính phủ công đoàn doanh nghiệp đối thoại tài chính đầu tư tái "
           "tạo mặt trời gió đất nước phục hồi kế hoạch chính sách xã hội bảo trợ thu nhập hộ gia đình phụ nữ thanh "
           "niên nhà thầu ngân sách tỉnh huyện đối tác nghiên cứu khảo sát dữ liệu bằng chứng kết quả khuyến nghị lựa "
           "chọn chi phí lợi ích rủi ro hưu trí hợp tác xã du lịch nông nghiệp lưới phát thải sức khỏe không khí "
           "trường học dịch vụ tham vấn tham gia quyền thỏa thuận ủy ban lộ trình mục tiêu thị trường tiền lương phi "
           "chính thức ngành chuỗi giá trị kinh tế quỹ chương trình thí điểm bài học năng lực thể chế minh bạch").split(),
    "th": ("การ ของ และ ใน ที่ เพื่อ กับ จาก โดย ได้ เป็น มี จะ ต้อง แรงงาน เหมือง ถ่านหิน การเปลี่ยนผ่าน ภูมิภาค ชุมชน "
           "เป็นธรรม พลังงาน โรงไฟฟ้า การปิด งาน ทักษะ การฝึกอบรม รัฐบาล สหภาพแรงงาน นายจ้าง การเจรจา การเงิน "
           "การลงทุน พลังงานหมุนเวียน แสงอาทิตย์ ลม ที่ดิน น้ำ การฟื้นฟู แผน นโยบาย สังคม การคุ้มครอง รายได้ ครัวเรือน "
           "ผู้หญิง เยาวชน ผู้รับเหมา งบประมาณ จังหวัด อำเภอ ภาคี การศึกษา การสำรวจ ข้อมูล หลักฐาน ข้อค้นพบ "
           "ข้อเสนอแนะ ทางเลือก ต้นทุน ประโยชน์ ความเสี่ยง บำนาญ สหกรณ์ วิสาหกิจ การท่องเที่ยว เกษตร การปล่อยก๊าซ "
           "สุขภาพ อากาศ โรงเรียน บริการ การรับฟังความคิดเห็น การมีส่วนร่วม สิทธิ ข้อตกลง คณะกรรมการ เป้าหมาย ตลาด "
           "ค่าจ้าง นอกระบบ ภาคส่วน เศรษฐกิจ กองทุน โครงการ นำร่อง ผลลัพธ์ บทเรียน ศักยภาพ สถาบัน ความโปร่งใส").split(),
    "mn": ("ба болон нь юм байна байсан бол ч энэ тэр олон шинэ мөн хооронд дараа өмнө тухай орон нутгийн үндэсний "
           "нүүрс ажилчид уурхай шилжилт бүс нутаг иргэд олон нийт шударга эрчим хүч цахилгаан станц хаалт ажлын байр "
           "ур чадвар сургалт засгийн газар үйлдвэрчний эвлэл ажил олгогч яриа хэлэлцээ санхүүжилт хөрөнгө оруулалт "
           "сэргээгдэх нар салхи газар ус нөхөн сэргээлт төлөвлөгөө бодлого нийгмийн хамгаалал орлого өрх эмэгтэйчүүд "
           "залуучууд гэрээт гүйцэтгэгч төсөв аймаг сум түншүүд судалгаа мэдээлэл нотолгоо үр дүн зөвлөмж сонголт "
           "зардал үр ашиг эрсдэл тэтгэвэр хоршоо аж ахуй аялал жуулчлал хөдөө аж ахуй ялгарал эрүүл мэнд агаар сургууль "
           "үйлчилгээ оролцоо эрх гэрээ хороо зорилт зах зээл цалин албан бус салбар эдийн засаг сан хөтөлбөр туршилт "
           "сургамж чадавх байгууллага ил тод байдал хяналт гэр бүл").split(),
}
SYLLABLES = {
    "en": "ka lo man ter vi son dra ber ton ley ford ham wick ing ell ar den mor gan tal bro sil ver cas tle "
          "mar ket pol ine ure ate ent ion al ic ous sta ble tri ge".split(),
    "es": "ca mi na ro to ción dad men te lla gua rio sa bo ri ja que ma do res ta les mon ver al co pa ña".split(),
    "id": "ka ba nga ma ta ra lu wa si pa an kan nya ju sum bu ti ri ga da le ngan ke ha mu".split(),
    "vi": "trường nghiệp phát triển công nhân khu vực thành phố sinh hoạt bảo tồn hạ tầng quản lý điều hành "
          "tín dụng học viện kỹ thuật cơ khí vận tải cảng biển thị xã phường xã thôn bản làng".split(),
    "th": "พัฒนา ชุมชน แรงงาน เหมือง พลังงาน ท้องถิ่น ความ รู้ ป่า ไม้ ดิน น้ำ เมือง บ้าน ทุ่ง นา สวน ตลาด ถนน "
          "ไฟ ฟ้า ลม แสง ทุน ราย ได้ ศูนย์ กลาง ภาค เหนือ".split(),
    "mn": "ба га нуур хан төр жил ам ул дар сан гол бол ших лэл мөн хот тал уул хэл эр дэм цэц бат".split(),
}
HEADINGS = {
    "en": ["Background", "What we found", "Key findings", "Recommendations", "Why it matters", "Method",
           "What comes next", "Lessons for other regions", "The situation today", "Options", "Programme",
           "Who took part", "Costs and funding", "Open questions"],
    "es": ["Antecedentes", "Lo que encontramos", "Hallazgos", "Recomendaciones", "Por qué importa", "Método",
           "Próximos pasos", "Lecciones para otras regiones", "Opciones"],
    "id": ["Latar belakang", "Temuan utama", "Rekomendasi", "Mengapa ini penting", "Metode", "Langkah berikutnya",
           "Pelajaran bagi daerah lain", "Pilihan"],
    "vi": ["Bối cảnh", "Phát hiện chính", "Khuyến nghị", "Vì sao điều này quan trọng", "Phương pháp",
           "Các bước tiếp theo", "Bài học cho các vùng khác", "Lựa chọn"],
    "th": ["ความเป็นมา", "ข้อค้นพบสำคัญ", "ข้อเสนอแนะ", "เหตุใดจึงสำคัญ", "วิธีการ", "ขั้นตอนต่อไป",
           "บทเรียนสำหรับภูมิภาคอื่น", "ทางเลือก"],
    "mn": ["Суурь мэдээлэл", "Гол үр дүн", "Зөвлөмж", "Яагаад чухал вэ", "Арга зүй", "Дараагийн алхам",
           "Бусад бүс нутагт өгөх сургамж", "Сонголтууд"],
}
TABLE_HEADERS = {
    "en": ["Indicator", "Value", "Year", "Source", "Change", "Share"],
    "es": ["Indicador", "Valor", "Año", "Fuente", "Cambio", "Proporción"],
    "id": ["Indikator", "Nilai", "Tahun", "Sumber", "Perubahan", "Porsi"],
    "vi": ["Chỉ số", "Giá trị", "Năm", "Nguồn", "Thay đổi", "Tỷ lệ"],
    "th": ["ตัวชี้วัด", "ค่า", "ปี", "แหล่งที่มา", "การเปลี่ยนแปลง", "สัดส่วน"],
    "mn": ["Үзүүлэлт", "Утга", "Он", "Эх сурвалж", "Өөрчлөлт", "Хувь"],
}
LINK_TEXT = {"en": "the full report", "es": "el informe completo", "id": "laporan lengkap", "vi": "báo cáo đầy đủ",
             "th": "รายงานฉบับเต็ม", "mn": "тайлангийн бүрэн эх"}
# languages without spaces between words: tokens are joined in short runs
NO_SPACES = {"th"}
TAIL_SIZE = {"en": 40000, "es": 20000, "id": 15000, "vi": 1200, "th": 12000, "mn": 15000}
TAIL_SHARE = 0.12  # share of generated tokens drawn from the long tail of names and terms


@dataclass
class Plan:
    slug: str
    lang: str  # language of the original
    type: str
    regions: list[str]
    topics: list[str]
    partners: list[str]
    date: dt.date
    translations: list[str] = field(default_factory=list)


class Vocabulary:
    """Per-language word sampling: common words uniformly, plus a Zipf-distributed long tail."""

    def __init__(self, rng: random.Random):
        self.tail: dict[str, list[str]] = {}
        self.cum: dict[str, list[float]] = {}
        for lang, syllables in SYLLABLES.items():
            words, seen = [], set()
            local = random.Random(f"tail-{lang}")
            for _ in range(50 * TAIL_SIZE[lang]):  # bounded: a small syllable list cannot fill the size
                if len(words) >= TAIL_SIZE[lang]:
                    break
                parts = local.choices(syllables, k=local.choice((2, 2, 3, 3, 4)))
                word = (" " if lang == "vi" else "").join(parts[:2] if lang == "vi" else parts)
                if word not in seen:
                    seen.add(word)
                    words.append(word)
            self.tail[lang] = words
            self.cum[lang] = list(itertools.accumulate(1.0 / (rank + 8) ** 1.07 for rank in range(len(words))))
        self.rng = rng

    def words(self, lang: str, count: int) -> list[str]:
        rng, common, tail, cum = self.rng, WORDS[lang], self.tail[lang], self.cum[lang]
        total = cum[-1]
        out = []
        for _ in range(count):
            if rng.random() < TAIL_SHARE:
                out.append(tail[bisect.bisect_left(cum, rng.random() * total)])
            else:
                out.append(common[int(rng.random() * len(common))])
        return out


def join(lang: str, words: list[str]) -> str:
    if lang not in NO_SPACES:
        return " ".join(words)
    out, run = [], []
    for word in words:  # Thai: words run together, with spaces between phrases
        run.append(word)
        if len(run) >= 4 or (len(run) >= 2 and len(word) % 3 == 0):
            out.append("".join(run))
            run = []
    if run:
        out.append("".join(run))
    return " ".join(out)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class Writer:
    def __init__(self, root: Path, seed: int, today: dt.date):
        self.root, self.today = root, today
        self.rng = random.Random(seed)
        self.vocab = Vocabulary(self.rng)
        voc = yaml.safe_load((root / "schema" / "vocabulary.yml").read_text(encoding="utf-8"))
        self.types = list(voc["types"])
        self.topics = list(voc["topics"])
        self.type_labels = {t: {"en": voc["types"][t]["label"]} for t in self.types}
        self.topic_labels = {t: {"en": voc["topics"][t]["label"]} for t in self.topics}
        self.languages = yaml.safe_load((root / "locales" / "languages.yml").read_text(encoding="utf-8"))
        for lang in self.languages:
            data = yaml.safe_load((root / "locales" / f"{lang}.yml").read_text(encoding="utf-8")) or {}
            for key, labels in (("types", self.type_labels), ("topics", self.topic_labels)):
                for term, entry in (data.get(key) or {}).items():
                    if term in labels and isinstance(entry, dict) and entry.get("label"):
                        labels[term][lang] = entry["label"]
        partners = yaml.safe_load((root / "partners.yml").read_text(encoding="utf-8"))["organisations"]
        self.partners = list(partners)
        self.partner_names = {k: v["short_name"] for k, v in partners.items()}
        self.regions = sorted(p.name[:-3] for p in (root / "regions").glob("*.md") if p.name.count(".") == 1)
        files = root / "content" / "files"
        self.files = sorted(p.relative_to(root / "content").as_posix() for p in files.rglob("*") if p.is_file()) \
            if files.is_dir() else []
        self.text_languages = [lang for lang in ("en", "es", "id", "vi", "th", "mn")
                               if lang in self.languages] or ["en"]
        self.titles: dict[str, set[str]] = {}
        self.slugs: set[str] = set()

    # -- text ---------------------------------------------------------------------------------

    def place(self, region: str, lang: str) -> str:
        native = NATIVE.get((region, lang))
        if native and self.rng.random() < 0.8:
            return self.rng.choice(native)
        return self.rng.choice(PLACES.get(region) or [COUNTRY.get(region, region.title())])

    def fill(self, template: str, lang: str, plan: Plan) -> str:
        region = self.rng.choice(plan.regions)
        org = self.partner_names[self.rng.choice(plan.partners)]
        return template.format(place=self.place(region, lang), org=org, n=self.rng.choice((12, 30, 45, 60, 80, 150,
                               1200, 4500, 9000, 23000)), year=self.rng.randint(2018, 2030))

    def sentence(self, lang: str, plan: Plan) -> str:
        if self.rng.random() < 0.3:
            return self.fill(self.rng.choice(SENTENCES[lang]), lang, plan)
        words = self.vocab.words(lang, self.rng.randint(7, 22))
        if self.rng.random() < 0.3:
            words.insert(self.rng.randrange(len(words)), self.place(self.rng.choice(plan.regions), lang))
        text = join(lang, words)
        return text if lang in NO_SPACES else cap(text) + "."

    def paragraph(self, lang: str, plan: Plan, sentences: int) -> str:
        return " ".join(self.sentence(lang, plan) for _ in range(sentences))

    def phrase(self, lang: str, low: int = 3, high: int = 9) -> str:
        return cap(join(lang, self.vocab.words(lang, self.rng.randint(low, high))))

    def body(self, lang: str, plan: Plan, target: int) -> str:
        rng = self.rng
        blocks = [self.paragraph(lang, plan, rng.randint(2, 5))]
        headings = rng.sample(HEADINGS[lang], k=min(len(HEADINGS[lang]), max(2, target // 180)))
        table_done = rng.random() > 0.2
        words = 60
        for heading in itertools.cycle(headings):
            if words >= target:
                break
            blocks.append(f"## {heading}")
            roll = rng.random()
            if roll < 0.25:
                items = [self.phrase(lang) for _ in range(rng.randint(3, 7))]
                blocks.append("\n".join(f"- {item}" for item in items))
                words += sum(len(i.split()) for i in items)
            elif roll < 0.35:
                items = [self.sentence(lang, plan) for _ in range(rng.randint(3, 5))]
                blocks.append("\n".join(f"{n}. {item}" for n, item in enumerate(items, 1)))
                words += sum(len(i.split()) for i in items)
            elif not table_done:
                table_done = True
                header = rng.sample(TABLE_HEADERS[lang], k=rng.randint(3, 4))
                rows = [[self.phrase(lang, 1, 3)] + [str(rng.choice((rng.randint(1, 999), f"{rng.random() * 100:.1f}%",
                                                                      rng.randint(2015, 2030))))
                                                     for _ in header[1:]] for _ in range(rng.randint(3, 8))]
                blocks.append("\n".join(["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
                                        + ["| " + " | ".join(row) + " |" for row in rows]))
                words += 4 * len(rows)
            for _ in range(rng.randint(1, 3)):
                text = self.paragraph(lang, plan, rng.randint(2, 6))
                if rng.random() < 0.1:
                    text += f" **{self.phrase(lang, 2, 5)}.**"
                if rng.random() < 0.08:
                    text += f" [{cap(LINK_TEXT[lang])}](https://example.org/jet-cr-sample/{plan.slug})"
                blocks.append(text)
                words += len(text.split()) if lang not in NO_SPACES else len(text) // 6
        return "\n\n".join(blocks) + "\n"

    def title(self, lang: str, plan: Plan) -> str:
        for attempt in range(40):
            topic = self.rng.choice(plan.topics)
            label = self.topic_labels[topic].get(lang) or self.topic_labels[topic]["en"]
            type_label = self.type_labels[plan.type].get(lang) or self.type_labels[plan.type]["en"]
            lower = label[:1].lower() + label[1:]
            template = self.rng.choice(TITLES[lang])
            angle = self.rng.choice(ANGLES[lang])
            text = template.format(Topic=label, topic=lower, Type=type_label, Angle=cap(angle), angle=angle,
                                   place=self.place(self.rng.choice(plan.regions), lang),
                                   year=self.rng.randint(2019, 2030))
            if attempt > 10:
                text += f" ({self.rng.randint(2, 99)})"
            text = cap(text)[:158]
            if text.casefold() not in self.titles.setdefault(lang, set()):
                self.titles[lang].add(text.casefold())
                return text
        raise RuntimeError("could not make a unique title")

    def summary(self, lang: str, plan: Plan) -> str:
        text = " ".join(self.sentence(lang, plan) for _ in range(self.rng.randint(1, 2)))
        if len(text) > 290:
            text = text[:280].rsplit(" ", 1)[0].rstrip(",;:") + ("" if lang in NO_SPACES else ".")
        return text if len(text) >= 10 else text + " " + self.sentence(lang, plan)[:200]

    def slug_for(self, plan_regions: list[str], type_: str, topics: list[str]) -> str:
        place = unicodedata.normalize("NFKD", self.rng.choice(PLACES.get(plan_regions[0], ["hub"])))
        place = re.sub(r"[^a-z0-9]+", "-", place.encode("ascii", "ignore").decode().lower()).strip("-")
        words = [place, topics[0], self.rng.choice(("lessons", "options", "roadmap", "evidence", "priorities",
                                                    "checklist", "survey", "unions", "costs", "voices", "toolkit",
                                                    "results", "finance", "gaps", "review", "notes")), type_]
        base = "-".join(words)
        slug, n = base, 2
        while slug in self.slugs:
            slug, n = f"{base}-{n}", n + 1
        self.slugs.add(slug)
        return slug

    # -- plans ----------------------------------------------------------------------------------

    def plans(self, count: int) -> list[Plan]:
        rng = self.rng
        out = []
        others = [lang for lang in self.text_languages if lang != "en"]
        start = dt.date(2018, 1, 1).toordinal()
        for i in range(count):
            # every id used: the first resources go round each vocabulary once
            type_ = self.types[i % len(self.types)] if i < len(self.types) else \
                ("event" if rng.random() < 0.08 else rng.choice([t for t in self.types if t != "event"]))
            regions = rng.sample(self.regions, k=rng.choice((1, 1, 1, 1, 2, 2, 3)))
            topics = rng.sample(self.topics, k=rng.choice((1, 2, 2, 3, 3, 4)))
            partners = rng.sample(self.partners, k=rng.choice((1, 1, 2, 2, 3)))
            for pool, chosen in ((self.regions, regions), (self.topics, topics), (self.partners, partners)):
                forced = pool[i % len(pool)]
                if forced not in chosen:
                    chosen[0] = forced
            # publication dates lean towards recent years
            date = dt.date.fromordinal(start + int((self.today.toordinal() - start) * rng.random() ** 0.7))
            lang = "en"
            own = [REGION_LANGUAGE[r] for r in regions if REGION_LANGUAGE.get(r) in others]
            if others and (rng.random() < 0.12 or i == 1):
                preferred = ["es", "th", "vi"] if set(others) >= {"es", "th", "vi"} else others
                lang = own[0] if own and rng.random() < 0.8 else rng.choice(preferred)
            plan = Plan("", lang, type_, regions, topics, partners, date)
            if lang == "en" and others and (rng.random() < 0.10 or i == 2):
                first = own[0] if own and rng.random() < 0.7 else rng.choice(others)
                plan.translations = [first]
                if rng.random() < 0.2:
                    second = rng.choice(others)
                    if second != first:
                        plan.translations.append(second)
            plan.slug = self.slug_for(regions, type_, topics)
            out.append(plan)
        return out

    # -- files ----------------------------------------------------------------------------------

    def event_fields(self, plan: Plan, index: int) -> dict[str, str]:
        rng = self.rng
        region = plan.regions[0]
        zone = ZONES.get(region, "UTC")
        upcoming = rng.random() < 0.35 or index == 0
        if upcoming:
            day = self.today + dt.timedelta(days=rng.randint(3, 420))
        else:
            day = self.today - dt.timedelta(days=rng.randint(1, 2400))
        plan.date = min(self.today, day - dt.timedelta(days=rng.randint(10, 120)))
        online = rng.random() < 0.4
        place = self.place(region, "en")
        location = "online" if online and rng.random() < 0.4 else \
            f"{place}, {COUNTRY.get(region, region)}" + (" and online" if online else "")
        fields: dict[str, str] = {}
        if rng.random() < 0.15:  # all-day, possibly over several days
            fields["start"] = day.isoformat()
            fields["end"] = (day + dt.timedelta(days=rng.randint(0, 2))).isoformat()
        else:
            tz = ZoneInfo(zone)
            begin = dt.datetime(day.year, day.month, day.day, rng.choice((8, 9, 10, 13, 14)), rng.choice((0, 30)),
                                tzinfo=tz)
            end = begin + dt.timedelta(hours=rng.choice((1, 1.5, 2, 3, 7, 8, 31)))
            fields["start"] = begin.isoformat()
            fields["end"] = end.astimezone(tz).isoformat()
        fields["timezone"] = zone
        fields["location"] = location
        base = f"https://example.org/jet-cr-sample/events/{plan.slug}"
        if upcoming and rng.random() < 0.6:
            fields["registration"] = base + "/register"
        if upcoming and online and rng.random() < 0.5:
            fields["livestream"] = base + "/live"
        if not upcoming and rng.random() < 0.4:
            fields["recording"] = base + "/recording"
        return fields

    def front_matter(self, meta: dict) -> str:
        lines = ["---"]
        for key, value in meta.items():
            if isinstance(value, list) and value and isinstance(value[0], dict):
                lines.append(f"{key}:")
                for item in value:
                    first = True
                    for k, v in item.items():
                        lines.append(f"  {'- ' if first else '  '}{k}: {json.dumps(v, ensure_ascii=False)}")
                        first = False
            elif isinstance(value, list):
                if all(re.fullmatch(r"[a-z0-9-]+", str(v)) for v in value):
                    lines.append(f"{key}: [{', '.join(value)}]")
                else:
                    lines.append(f"{key}: [{', '.join(json.dumps(v, ensure_ascii=False) for v in value)}]")
            elif re.fullmatch(r"[a-z0-9-]+|https?://\S+", str(value)) and key not in ("title", "summary", "location"):
                lines.append(f"{key}: {value}")
            else:
                lines.append(f"{key}: {json.dumps(str(value), ensure_ascii=False)}")
        return "\n".join(lines + ["---", ""])

    def words_target(self) -> int:
        roll = self.rng.random()
        if roll < 0.6:
            return self.rng.randint(100, 500)
        if roll < 0.9:
            return self.rng.randint(500, 1000)
        return self.rng.randint(1000, 1500)

    def write(self, count: int) -> dict:
        folder = self.root / "content" / "resources"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        stats = {"resources": count, "files": 0, "translations": 0, "events": 0, "upcoming_events": 0,
                 "originals_by_language": {}, "with_table": 0, "words": 0, "markdown_bytes": 0, "renamed": 0}
        events_seen = 0
        for number, plan in enumerate(self.plans(count)):
            meta: dict = {}
            extra: dict = {}
            if plan.type == "event":
                extra = self.event_fields(plan, events_seen)
                events_seen += 1
                stats["events"] += 1
                stats["upcoming_events"] += dt.date.fromisoformat(extra.get("end", extra["start"])[:10]) >= self.today
            meta["title"] = self.title(plan.lang, plan)
            meta["type"] = plan.type
            meta["region"] = plan.regions
            meta["topic"] = plan.topics
            meta["partner"] = plan.partners
            meta["date"] = plan.date.isoformat()
            meta["summary"] = self.summary(plan.lang, plan)
            if plan.translations or plan.lang != "en" or self.rng.random() < 0.3:
                meta["language"] = [plan.lang] + plan.translations + (["fr"] if self.rng.random() < 0.05 else [])
            if self.rng.random() < 0.7:
                meta["url"] = f"https://example.org/jet-cr-sample/{plan.type}/{plan.slug}"
            if self.rng.random() < 0.4:
                org = self.partner_names[plan.partners[0]]
                meta["authors"] = self.rng.sample([f"{org} research team", f"{org} country office",
                                                   f"{org} energy policy staff", "Independent consultants"],
                                                  k=self.rng.randint(1, 2))
            if self.files and plan.type != "event" and self.rng.random() < 0.03:
                meta["files"] = [{"path": path, "title": f"Download {n + 1}"}
                                 for n, path in enumerate(self.rng.sample(self.files, k=min(len(self.files), 2)))]
            if number % RENAMED_EVERY == 7:  # by position, not by the random stream, which
                meta["former_names"] = [f"{plan.slug}-draft"]   # keeps the rest as earlier benchmarks had it
                stats["renamed"] += 1
            meta.update(extra)
            body = self.body(plan.lang, plan, self.words_target())
            stats["with_table"] += "\n|---" in body
            name = f"{plan.slug}.md" if plan.lang == "en" else f"{plan.slug}.{plan.lang}.md"
            texts = {name: self.front_matter(meta) + "\n" + body}
            for lang in plan.translations:
                translated = {"title": self.title(lang, plan), "summary": self.summary(lang, plan)}
                texts[f"{plan.slug}.{lang}.md"] = self.front_matter(translated) + "\n" + \
                    self.body(lang, plan, max(100, self.words_target() // 2))
                stats["translations"] += 1
            for file_name, text in texts.items():
                data = text.encode("utf-8")
                (folder / file_name).write_bytes(data)
                stats["files"] += 1
                stats["markdown_bytes"] += len(data)
                stats["words"] += len(text.split())
            stats["originals_by_language"][plan.lang] = stats["originals_by_language"].get(plan.lang, 0) + 1
        return stats


def generate(root: Path, count: int, seed: int = 1, today: dt.date = BUILD_DATE) -> dict:
    """Replace root/content/resources with `count` synthetic resources; return what was written."""
    root = Path(root)
    if (root / ".git").exists():
        raise SystemExit(f"{root} looks like the repository itself; generate into a copy")
    return Writer(root, seed, today).write(count)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write synthetic resources into a copy of the hub.")
    parser.add_argument("--root", required=True, help="the copy of the repository to write into")
    parser.add_argument("--resources", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print(json.dumps(generate(Path(args.root), args.resources, args.seed), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

// Word and name tables for the benchmark record generator: realistic variety (diacritics, particles, romanised names).

export const FAMILY_NAMES = [
  'Kanda', 'Kakiuchi', 'Yurube', 'Takeoka', 'Watanabe', 'Suzuki', 'Tanaka', 'Itō', 'Ōta', 'Saitō',
  'Wang', 'Zhang', 'Li', 'Chen', 'Liu', 'Huang', 'Xu', 'Zhao', 'Ouyang', 'Sīmǎ',
  'van der Berg', 'van den Broeck', 'de la Cruz', 'de los Santos', 'von Weizsäcker', 'von der Leyen',
  'Ó Briain', 'Ní Chonaill', "O'Sullivan", 'Mac Giolla', 'Groß', 'Müller', 'Schäfer', 'Weiß',
  'Núñez', 'Peña', 'Muñoz', 'Ibáñez', 'Østergaard', 'Sørensen', 'Bjørnstad', 'Åberg', 'Lindqvist',
  'Dvořák', 'Šimůnek', 'Łukasiewicz', 'Wójcik', 'Çelik', 'Yılmaz', 'Nguyễn', 'Trần', 'Phạm',
  'dos Santos', 'da Silva', 'Le Goff', "d'Alembert", 'Al-Farsi', 'ben Haim', 'Smith', 'Johnson',
  'García Márquez', 'Fernández-López', 'Kowalski', 'Petrović', 'Ivanova', 'Kuroda', 'Miyazaki',
] as const;

export const GIVEN_NAMES = [
  'Yutaro', 'Yuji', 'Takashi', 'Yoshiki', 'Kunihiko', 'Ryosuke', 'Kenichiro', 'Hiroshi', 'Yūko', 'Shōhei',
  'Xiaoming', 'Wei', 'Jing', 'Li-Na', 'Zhiwei', 'Mingyu', 'Jürgen', 'Søren', 'Zoë', 'José María',
  'Nuño', 'Siobhán', 'Simon A. A.', 'J.', 'M. K.', 'Björk', 'François', 'Ana Lúcia', 'Łucja', 'Đorđe',
  'Ayşe', 'Thị Lan', 'Maëlle', 'Åsa', 'Ignacio', 'Renée', 'Anne-Sophie', 'Sean', 'Aoife', 'Ingrid',
  'Priya', 'Rahul', 'Olumide', 'Chiamaka', 'Eleanor', 'Mateus', 'Agnieszka', 'Pål', 'Hélène', 'Dániel',
] as const;

export const ORGANIZATIONS = [
  'Global Burden of Disease Collaborators', 'The ATLAS Collaboration', 'Société Française de Cardiologie',
  'Deutsche Gesellschaft für Neurologie', 'Consorcio Español de Genómica', 'WHO Working Group on Sepsis',
  'Norsk Kreftregister', 'Japan Spine Research Society',
] as const;

export const JOURNALS = [
  'Clinical medicine insights. Case reports', 'PLoS ONE', 'Nature communications', 'BMC cancer',
  'Journal of orthopaedic surgery and research', 'Zeitschrift für Naturforschung', 'Revista española de cardiología',
  'Scientific reports', 'The Lancet', 'Acta physiologica', 'Frontiers in immunology', 'Cell reports',
  'Journal of the American Chemical Society', 'Physical review letters', 'Ecology and evolution',
] as const;

export const TITLE_WORDS = [
  'combination', 'separation', 'surgery', 'radiation', 'therapy', 'primary', 'osteosarcoma', 'spine',
  'case', 'report', 'literature', 'review', 'randomised', 'controlled', 'trial', 'cohort', 'analysis',
  'of', 'the', 'in', 'for', 'with', 'and', 'patients', 'children', 'adults', 'outcomes', 'long-term',
  'effect', 'gene', 'expression', 'protein', 'signalling', 'pathway', 'müllerian', 'Ångström-scale',
  'imaging', 'mortality', 'risk', 'factors', 'novel', 'approach', 'climate', 'soil', 'microbial',
  'diversity', 'quantum', 'dynamics', 'thermal', 'transport', 'network', 'model', 'machine', 'learning',
] as const;

export const ABSTRACT_WORDS = [
  'we', 'report', 'a', 'the', 'of', 'and', 'in', 'with', 'to', 'was', 'were', 'patients', 'patient',
  'study', 'results', 'showed', 'significant', 'increase', 'decrease', 'compared', 'group', 'control',
  'treatment', 'after', 'before', 'during', 'follow-up', 'years', 'months', 'analysis', 'data', 'model',
  'effect', 'associated', 'risk', 'outcome', 'clinical', 'evidence', 'however', 'although', 'this',
  'approach', 'method', 'observed', 'measured', 'estimated', 'sample', 'cohort', 'survival', 'rate',
  'résumé', 'naïve', 'rôle', 'Müller', 'cells', 'expression', 'level', 'high-dose', 'irradiation',
] as const;

/** Structured-abstract headings; the catalog glues each to the sentence that follows it. */
export const ABSTRACT_HEADINGS = [
  ['Background', 'Methods', 'Results', 'Conclusions'],
  ['Objective', 'Design', 'Setting', 'Results', 'Conclusion'],
  ['Background', 'Case presentation', 'Conclusions'],
  ['Purpose', 'Methods', 'Findings', 'Interpretation'],
] as const;

/** Languages by English name, weighted towards English as catalogs are. */
export const LANGUAGES = [
  'English', 'English', 'English', 'English', 'English', 'English', 'German', 'French', 'Spanish',
  'Japanese', 'Chinese', 'Portuguese', 'Italian', 'Russian', 'Dutch', 'Norwegian', 'Polish', 'Turkish',
] as const;

export const FORMATS = ['Article', 'Article', 'Article', 'Report', 'Review', 'Journal Article'] as const;

export const SUBJECTS = [
  'Osteosarcoma', 'Spinal cord compression', 'Radiotherapy', 'Case reports', 'Epidemiology', 'Genomics',
  'Climate change', 'Machine learning', 'Immunology', 'Oncology', 'Public health', 'Quantum physics',
  'Ökologie', 'Santé publique', 'Neurología',
] as const;

export const UNKNOWN_LABELS = ['Peer Reviewed', 'Source', 'Rights', 'Accession Number', 'Funding'] as const;

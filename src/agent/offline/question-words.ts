/**
 * Words that carry no slot of their own: grammar, politeness and the words that pick an intent ("why",
 * "trend", "compare"). Any other word of a question must become a metric, a dimension, a value, a period
 * or a number, or the question is declined: a word left unread is a filter or a grouping silently dropped.
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  `a an the this that these those it its it's is are was were be been being am do does did done doing
  have has had having i me my we us our ours you your they them their he she his her there here
  what whats which who whom whose why how hows when where whats s t d ll re ve m
  and or but so if then than as at by for from in into of on onto to with within without per via out over
  under about up down off all any each every some both either many much more most less few same other
  can could would should will shall may might must need needs want wants like please pls thanks thank
  tell show give get got see let lets know find look looking list make run pull share
  bring brings brought generate generates generated deliver delivers delivered
  group groups bracket brackets band bands segment segments aged olds
  hi hey hello ok okay yeah just only also now still really actually overall total totals sum quick brief
  number numbers figure figures value values amount count data dataset file export sheet report csv table
  we've i'd i'm don't doesn't isn't
  summary summarize summarise overview kpi kpis metric metrics result status stats statistics
  doing going go goes went things thing stuff look looks looking
  trend trends trending time over evolve evolving evolution progress progression series history
  daily weekly monthly day days week weeks month months period periods date dates
  compare compared comparison comparing versus vs against change changed changes changing difference differ
  grew grow growth drop dropped dropping fell fall falling rose rise rising increase increased increasing
  decrease decreased decreasing better worse improve improved improving improvement decline declined
  declining deteriorate deteriorated deteriorating growing worsening climbing
  anomaly anomalies anomalous outlier outliers unusual spike spikes dip dips strange weird odd abnormal irregular
  explain explains explanation reason reasons driver drivers driving drove drive caused cause causes behind happened happen
  chart plot graph visualize visualise visual draw picture
  should recommend recommendation recommendations suggest suggestion advice advise cut pause kill scale
  reallocate shift move put invest budget waste wasting wasted optimize optimise
  describe columns column fields field
  split break breakdown broken across
  best top strongest winning winner winners leading worst bottom weakest losing loser losers
  underperforming poorest poorly highest high higher biggest big largest greatest max maximum expensive
  lowest low lower least smallest fewest min minimum cheapest cheap peak
  good bad well great poor strong weak performing
  one two three four five six seven eight nine ten twenty
  right currently current recent recently latest so far ago
  jump jumped jumps spiked surge surged plunge plunged tank tanked
  money funnel scatter between among everything anything something going getting becoming ones
  next worry worried concern concerned focus exactly guys team based judged judging`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/**
 * Words that ask for several exports at once ("blended ROAS across google and meta"): read as all the
 * rows in scope only when the data is several exports blended (it has a `platform` dimension); of one
 * file they stay unread, so the question is declined rather than answered for one platform.
 */
export const BLEND_WORDS: ReadonlySet<string> = new Set(["blended", "blend", "combined", "together"]);

/** Words of time phrases and filters, known so a typo pass never turns them into something else. */
export const PHRASE_WORDS: ReadonlySet<string> = new Set(
  `january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  janeiro fevereiro março marco abril maio junho julho agosto setembro outubro novembro dezembro
  enero febrero marzo mayo junio julio septiembre octubre noviembre diciembre
  janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre
  januar februar märz marz juni juli oktober dezember
  first second half halves quarter quarters year years today yesterday since until through till between
  week weeks weekend weekday weekdays weekly month months year ytd mtd last past previous prior next
  name names named containing contains contain including include includes excluding exclude except
  forecast forecasting predict prediction projected projection blended blend combined
  least at most spent spending`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

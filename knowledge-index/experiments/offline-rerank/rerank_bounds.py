#!/usr/bin/env python3
"""Offline rerank analysis of the tuned index on the corpus set (knowledge-index/README.md, "How far a reranker
could go"). Standard library only. Inputs, made from the repository root:

  kb index ../shared/kb-corpus --index /tmp/kbidx
  kb search --index /tmp/kbidx --queries knowledge-index/eval/corpus-queries.tsv --top 100 > /tmp/t100.tsv
  kb eval --runs /tmp/runs                                   # the baseline's top 20 (corpus.baseline.run)
  dotnet run -c Release --project knowledge-index/experiments/SemanticRerank -- --dump /tmp/vec.tsv   # optional

  python3 knowledge-index/experiments/offline-rerank/rerank_bounds.py --run /tmp/t100.tsv \
      --baseline-run /tmp/runs/corpus.baseline.run [--vectors /tmp/vec.tsv]

Prints: oracle bounds (judged-perfect reordering of the tuned top k), cheap rerank features fitted by coordinate
ascent on the tuning half (odd query ids) and scored on both halves, and (with --vectors) dense fusion with and
without the product-mismatch penalty. nDCG@10 uses linear gains like `kb eval`.
"""
import argparse, collections, math, os, re

ap = argparse.ArgumentParser()
ap.add_argument('--repo', default=os.path.join(os.path.dirname(__file__), '..', '..', '..'))
ap.add_argument('--corpus', default=None)
ap.add_argument('--run', required=True)
ap.add_argument('--baseline-run', required=True)
ap.add_argument('--vectors')
args = ap.parse_args()
EVAL = os.path.join(args.repo, 'knowledge-index', 'eval')
CORPUS = args.corpus or os.environ.get('KB_CORPUS_DIR') or os.path.join(args.repo, '..', 'shared', 'kb-corpus')

Q = {}
for line in open(os.path.join(EVAL, 'corpus-queries.tsv'), encoding='utf-8'):
    if line.startswith('#') or '\t' not in line:
        continue
    qid, text = line.rstrip('\n').split('\t')[:2]
    Q[qid] = text
QR = collections.defaultdict(dict)
for line in open(os.path.join(EVAL, 'corpus-qrels.txt'), encoding='utf-8'):
    a = line.split()
    if len(a) == 4 and not line.startswith('#'):
        QR[a[0]][a[2]] = int(a[3])
R = collections.defaultdict(list)
for line in open(args.run, encoding='utf-8'):
    a = line.rstrip('\n').split('\t')
    if len(a) >= 4:
        R[a[0]].append((a[2], float(a[3])))
B = collections.defaultdict(dict)
for line in open(args.baseline_run, encoding='utf-8'):
    a = line.split()
    B[a[0]][a[2]] = int(a[3])
TITLE = {}
for root, _, files in os.walk(CORPUS):
    for f in files:
        if f.endswith('.md') and f not in ('ATTRIBUTION.md', 'README.md'):
            p = os.path.join(root, f)
            text = open(p, encoding='utf-8').read()
            m = re.match(r'---\n(.*?)\n---\n', text, re.S)
            fm = m.group(1) if m else ''
            def key(k):
                mm = re.search(r'^' + k + r':\s*(.*)$', fm, re.M)
                return mm.group(1).strip().strip('"\'') if mm else ''
            TITLE[os.path.relpath(p, CORPUS).replace(os.sep, '/')] = (key('title'), key('description'))

def ndcg(qid, docs, k=10):
    rel = QR[qid]
    dcg = sum(rel.get(d, 0) / math.log2(i + 2) for i, d in enumerate(docs[:k]))
    ideal = sorted(rel.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0

def half(qid):
    return 'tune' if int(qid[-1]) % 2 == 1 else 'held'

def score(rank):
    s = collections.defaultdict(list)
    for qid in Q:
        v = ndcg(qid, rank(qid))
        s[half(qid)].append(v)
        s['all'].append(v)
    return {k: sum(v) / len(v) for k, v in s.items()}

def report(label, rank):
    m = score(rank)
    print(f"{label:52s} tune {m['tune']:.3f}  held-out {m['held']:.3f}  all {m['all']:.3f}")
    return m

report('tuned (as exported)', lambda q: [d for d, _ in R[q]])
for depth in (10, 20, 30, 50, 100):
    report(f'oracle: judged-perfect order of the tuned top {depth}', lambda q, d=depth: sorted((x for x, _ in R[q][:d]), key=lambda x: -QR[q].get(x, 0)))

STOP = set("""a an and are as at be but by for if in into is it no not of on or such that the their then there these they this
to was will with i i'm im me my mine we our us you your it's what which who how why when where do does did can could should
would have has had am been were so just very also too any some all from about up out off over again still now here than only
please hi hello help get gets got want need trying tried try know like really keep keeps kept even cannot can't cant won't
wont don't dont doesn't doesnt didn't didnt isn't isnt unable able let ok""".split())
def stem(w):
    for suf in ('ing', 'ed', 'es', 's'):
        if len(w) > 4 and w.endswith(suf):
            return w[:-len(suf)]
    return w
def words(t):
    return [stem(w) for w in re.findall(r"[a-z0-9']+", t.lower()) if w not in STOP]
PRODUCTS = {'outlook': 'outlook', 'outlok': 'outlook', 'oultook': 'outlook', 'teams': 'teams', 'onedrive': 'onedrive',
            'onedirve': 'onedrive', 'sharepoint': 'sharepoint', 'sharepiont': 'sharepoint', 'excel': 'excel', 'word': 'word',
            'exchange': 'exchange'}
PLATFORMS = ['mac', 'ios', 'iphone', 'android', 'mobile', '2010', '2013', '2016', '2007', '2019', 'server', 'linux', 'chrome', 'edge', 'safari']

def product_mismatch(qid, doc):
    wanted = {PRODUCTS[w] for w in re.findall(r'[a-z]+', Q[qid].lower()) if w in PRODUCTS}
    where = (doc + ' ' + TITLE.get(doc, ('', ''))[0]).lower()
    return 1.0 if wanted and not any(p in where for p in wanted) else 0.0

NAMES = ['score', 'product-mismatch', 'platform-not-asked', 'title-overlap', 'path-overlap', 'description-overlap', 'admin-or-server', 'baseline-rank']
def features(qid, doc, s, top):
    title, desc = TITLE.get(doc, ('', ''))
    qt = Q[qid].lower()
    qw = set(words(qt))
    pw = set(words(doc.replace('/', ' ').replace('-', ' ')))
    n = max(1, len(qw))
    plat = 1.0 if any((p in words(title) + list(pw)) and p not in qt for p in PLATFORMS) else 0.0
    admin = 1.0 if '/admin/' in doc or 'ExchangeServer' in doc else 0.0
    br = B[qid].get(doc)
    return [s / top, -product_mismatch(qid, doc), -plat, len(qw & set(words(title))) / n, len(qw & pw) / n,
            len(qw & set(words(desc))) / n, -admin, (1 / (5 + br) if br else 0.0)]
FE = {q: [(d, features(q, d, s, max(x for _, x in R[q]))) for d, s in R[q][:50]] for q in Q if R[q]}
def ranker(w):
    return lambda q: [d for d, f in sorted(FE.get(q, []), key=lambda x: -sum(a * b for a, b in zip(w, x[1])))]
w = [1.0] + [0.0] * (len(NAMES) - 1)
grid = [0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.8, 1.2]
for _ in range(3):
    for i in range(1, len(NAMES)):
        best = (score(ranker(w))['tune'], w[i])
        for g in grid:
            trial = list(w)
            trial[i] = g
            v = score(ranker(trial))['tune']
            if v > best[0] + 1e-9:
                best = (v, g)
        w[i] = best[1]
print('features fitted on the tuning half:', {n: v for n, v in zip(NAMES, w) if v})
report('tuned top 50 + fitted features', ranker(w))

if args.vectors:
    A, QV = {}, {}
    for line in open(args.vectors, encoding='utf-8'):
        kind, key, values = line.rstrip('\n').split('\t')
        (A if kind == 'a' else QV)[key] = [float(x) for x in values.split(',')]
    def cos(a, b):
        return sum(x * y for x, y in zip(a, b))
    CO = {q: {d: cos(QV[q], A[d]) for d, _ in R[q]} for q in Q}
    for weight in (8, 16, 32):
        for penalty in (1.0, 0.9, 0.8):
            def fused(q, weight=weight, penalty=penalty):
                top = max(s for _, s in R[q])
                return [d for d, s in sorted(R[q], key=lambda x: -((x[1] / top + weight * CO[q][x[0]]) * (penalty if product_mismatch(q, x[0]) else 1.0)))]
            report(f'tuned top 100 + {weight} x cosine, product penalty {penalty}', fused)

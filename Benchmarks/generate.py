#!/usr/bin/env python3
"""Writes benchmark pages: large county-portal pages with big style sheets, or many small pages.

    generate.py large DIR            pages of about 150 KB, 500 KB, 1 MB and 2 MB
    generate.py small DIR COUNT      COUNT small pages in subfolders of 1,000 (for the memory run)
    generate.py sheet DIR            one page of about 150 KB of markup with a 250 KB style sheet
                                     (the style engine's figure: `shilao audit --timing` on it)
    generate.py sites DIR COUNT      COUNT township sites of 3 small pages, each site with its own
                                     300 KB style sheet (the memory of a run over many sites)

The pages are deterministic (a fixed seed), so two runs measure the same bytes.
"""
import os
import random
import sys

WORDS = ("村务公开 社保 医保 办事指南 便民服务 养老金 领取 资格认证 通知 公告 财务 收支 明细 "
         "低保 救助 申请 条件 材料 流程 咨询 电话 乡镇 政府 服务 中心 窗口 时间 地址").split()


def sentence(rng, n):
    return "".join(rng.choice(WORDS) for _ in range(n)) + "。"


def stylesheet(rng, rules):
    """Class, descendant, child, attribute and structural selectors, some inside media queries."""
    out = []
    for i in range(rules):
        kind = i % 6
        if kind == 0:
            sel = f".c{i}"
        elif kind == 1:
            sel = f"#main .list li.c{i} a"
        elif kind == 2:
            sel = f"div.box > p.c{i}:first-child"
        elif kind == 3:
            sel = f"table.data tr:nth-child(2n+1) td.c{i}"
        elif kind == 4:
            sel = f"a[href^='/c{i}'], .nav .c{i}:not(.off)"
        else:
            sel = f"ul li:is(.c{i}, .d{i}) span"
        decl = (f"color:#{rng.randrange(0x1000000):06x};font-size:{12 + i % 10}px;"
                f"line-height:1.{i % 9};margin:{i % 7}px {i % 5}px;background-color:rgba(0,0,0,.0{i % 9})")
        rule = f"{sel}{{{decl}}}"
        if i % 25 == 24:
            rule = f"@media (max-width:{600 + i % 400}px){{{rule}}}"
        out.append(rule)
    return "\n".join(out)


def large_page(rng, target, rules=None):
    rules = rules or max(500, target // 400)
    head = (f"<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<title>某某县人民政府 便民服务</title><style>\n{stylesheet(rng, rules)}\n</style></head>\n"
            "<body><a href=\"#main\">跳到主要内容</a>\n<div class=\"nav\"><ul>"
            + "".join(f"<li class=\"c{k}\"><a href=\"/c{k}.html\">{rng.choice(WORDS)}</a></li>" for k in range(40))
            + "</ul></div>\n<main id=\"main\">\n")
    parts = [head]
    size = len(head.encode())
    block = 0
    while size < target:
        k = rng.randrange(rules)
        if block % 4 == 0:
            piece = (f"<h2 class=\"c{k}\">{sentence(rng, 3)}</h2>\n<div class=\"box\"><p class=\"c{k}\">"
                     f"{sentence(rng, 30)}</p><p>{sentence(rng, 20)}<img src=\"/img/{block}.png\" alt=\"{rng.choice(WORDS)}\"></p></div>\n")
        elif block % 4 == 1:
            rows = "".join(f"<tr><td class=\"c{k}\">{rng.choice(WORDS)}</td><td>{rng.randrange(10000)}.00</td>"
                           f"<td><a href=\"/c{k}/{r}.html\">详情</a></td></tr>" for r in range(12))
            piece = f"<table class=\"data\"><tr><th>项目</th><th>金额</th><th>链接</th></tr>{rows}</table>\n"
        elif block % 4 == 2:
            piece = ("<ul class=\"list\">" + "".join(
                f"<li class=\"c{k}\"><span>{rng.choice(WORDS)}</span> <a href=\"/n/{block}/{r}.html\">{sentence(rng, 4)}</a></li>"
                for r in range(10)) + "</ul>\n")
        else:
            piece = (f"<form action=\"/apply\"><label for=\"f{block}\">姓　　名</label><input id=\"f{block}\" name=\"n\">"
                     f"<label>电话<input type=\"tel\" name=\"t\"></label><button type=\"submit\">提交</button></form>\n")
        parts.append(piece)
        size += len(piece.encode())
        block += 1
    parts.append("</main>\n<div class=\"footer\">主办单位：某某县人民政府办公室</div></body></html>\n")
    return "".join(parts)


def small_page(rng, n):
    return (f"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>通知 {n}</title>"
            f"<style>.c{n % 50}{{color:#333;font-size:16px}}</style></head><body><main><h1>通知 {n}</h1>"
            f"<p class=\"c{n % 50}\">{sentence(rng, 20)}</p><img src=\"{n}.png\"><a href=\"/{n}\">详情</a></main></body></html>\n")


def sites(rng, folder, count):
    """One template's sheet, but each site's copy differs, as township subsites' copies do."""
    sheet = stylesheet(rng, 2500)
    for n in range(count):
        site = os.path.join(folder, f"site{n:04d}")
        os.makedirs(os.path.join(site, "css"))
        with open(os.path.join(site, "css", "site.css"), "w", encoding="utf-8") as f:
            f.write(f"/* 乡镇 {n} */\n{sheet}\n.site{n}{{color:#333}}\n")
        for page in range(3):
            with open(os.path.join(site, f"{page}.html"), "w", encoding="utf-8") as f:
                f.write(f"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>乡镇 {n}</title>"
                        f"<link rel=\"stylesheet\" href=\"css/site.css\"></head><body><main><h1>通知</h1>"
                        f"<p class=\"site{n}\">{sentence(rng, 20)}</p><a href=\"/{page}\">详情</a></main></body></html>\n")


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("large", "small", "sheet", "sites"):
        sys.exit(__doc__)
    rng = random.Random(1)
    folder = sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    if sys.argv[1] == "large":
        for kb in (150, 500, 1000, 2000):
            with open(os.path.join(folder, f"large-{kb}k.html"), "w", encoding="utf-8") as f:
                f.write(large_page(rng, kb * 1024))
    elif sys.argv[1] == "sheet":
        # About 122 bytes a rule: 2,050 rules make a 250 KB sheet, and the page stops growing
        # 150 KB after it.
        with open(os.path.join(folder, "style-150k.html"), "w", encoding="utf-8") as f:
            f.write(large_page(rng, 400 * 1024, rules=2050))
    elif sys.argv[1] == "sites":
        sites(rng, folder, int(sys.argv[3]))
    else:
        count = int(sys.argv[3])
        for n in range(count):
            sub = os.path.join(folder, f"{n // 1000:03d}")
            if n % 1000 == 0:
                os.makedirs(sub, exist_ok=True)
            with open(os.path.join(sub, f"{n:06d}.html"), "w", encoding="utf-8") as f:
                f.write(small_page(rng, n))


if __name__ == "__main__":
    main()

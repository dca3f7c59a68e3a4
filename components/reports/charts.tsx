"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ReactNode } from "react";
import { Table, THead, Td, Th, ThRow, Tr } from "@/components/ui/table";

interface Series {
  key: string;
  label: string;
  color: string;
}

type Rows = Record<string, string | number>[];

interface ChartProps {
  title: string;
  rows: Rows;
  series: Series[];
  nameLabel: string;
  tableLabel: string;
  emptyLabel: string;
}

const fmt = (n: number) => n.toLocaleString("vi-VN");

function ChartTable({ rows, nameLabel, series, title }: Pick<ChartProps, "rows" | "nameLabel" | "series" | "title">) {
  return (
    <Table variant="plain" className="mt-2">
      <caption className="sr-only">{title}</caption>
      <THead plain>
        <Th className="px-2 py-1">{nameLabel}</Th>
        {series.map((s) => (
          <Th key={s.key} className="px-2 py-1 text-right">
            {s.label}
          </Th>
        ))}
      </THead>
      <tbody>
        {rows.map((r, i) => (
          <Tr key={i}>
            <ThRow className="px-2 py-1 font-normal">{r.name}</ThRow>
            {series.map((s) => (
              <Td key={s.key} className="px-2 py-1 text-right tabular-nums">
                {fmt(Number(r[s.key] ?? 0))}
              </Td>
            ))}
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * A chart with its numbers as a table: screen readers get the table (the drawing is hidden from them), print gets both.
 */
function Figure({
  title,
  rows,
  nameLabel,
  series,
  tableLabel,
  emptyLabel,
  children,
}: ChartProps & { children: ReactNode }) {
  return (
    <figure className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4" data-testid="chart">
      <figcaption className="mb-2 font-bold">{title}</figcaption>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{emptyLabel}</p>
      ) : (
        <>
          <div aria-hidden="true" className="h-64 w-full">
            {children}
          </div>
          <details className="mt-2 text-sm print:hidden">
            <summary className="cursor-pointer text-brand-700">{tableLabel}</summary>
            <ChartTable rows={rows} nameLabel={nameLabel} series={series} title={title} />
          </details>
          <div className="hidden text-xs print:block" aria-hidden="true">
            <ChartTable rows={rows} nameLabel={nameLabel} series={series} title={title} />
          </div>
        </>
      )}
    </figure>
  );
}

export function TrendChart(props: ChartProps) {
  return (
    <Figure {...props}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={props.rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="name" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} tickFormatter={fmt} />
          <Tooltip formatter={(v) => fmt(Number(v))} />
          <Legend />
          {props.series.map((s, i) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={i === 2 ? "5 3" : undefined}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </Figure>
  );
}

export function StackedBars(props: ChartProps) {
  return (
    <Figure {...props}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={props.rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} fontSize={11} tickFormatter={fmt} />
          <YAxis type="category" dataKey="name" width={170} fontSize={11} />
          <Tooltip formatter={(v) => fmt(Number(v))} />
          <Legend />
          {props.series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="a" fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Figure>
  );
}

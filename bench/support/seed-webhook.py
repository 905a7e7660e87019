"""
The seed's webhook, as its design describes it (Scenario C): FastAPI validates the payload with Pydantic
(email included) and keeps it in an in-memory list; no signature, no storage. The webhook bench measures
our durable webhook against this in the same run. Started by bench/webhook.bench.ts as
`python3 bench/support/seed-webhook.py <port>`; uvicorn with uvloop and httptools when installed, and
no access log, so the seed is measured at its fastest.
"""

import sys
from datetime import date
from typing import Optional

import uvicorn
from fastapi import FastAPI
from pydantic import BaseModel, EmailStr, Field

app = FastAPI()
received: list = []


class MetricsRecord(BaseModel):
    id: Optional[str] = None
    date: date
    campaign: Optional[str] = None
    channel: Optional[str] = None
    spend: Optional[float] = Field(default=None, ge=0)
    impressions: Optional[float] = Field(default=None, ge=0)
    clicks: Optional[float] = Field(default=None, ge=0)
    conversions: Optional[float] = Field(default=None, ge=0)
    revenue: Optional[float] = Field(default=None, ge=0)
    email: Optional[EmailStr] = None


@app.post("/webhooks/ingest")
async def ingest(record: MetricsRecord):
    received.append(record)
    return {"ok": True, "accepted": 1}


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), access_log=False, log_level="warning")
